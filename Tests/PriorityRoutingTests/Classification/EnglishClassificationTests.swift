import PriorityRouting
import Testing

private let englishSamples: [Sample] = [
    Sample("Can't log in", "Hi, I can't log in since yesterday, it says my password is wrong.", .access),
    Sample(nil, "i CANT LOGIN to the members area!!!", .access),
    Sample(nil, "Forgot my pasword and the reset link never arrives", .access),
    Sample("Locked out", "I'm locked out of my account after the update.", .access),
    Sample(nil, "I want to cancel my subscription, how do I do that?", .cancelSubscription),
    Sample("Unsubscribe", "Please unsubscribe me and stop the auto-renewal.", .cancelSubscription),
    Sample(nil, "Cancel my subscription and give me a refund please.", .refund),
    Sample("Refund request", "I was not happy with the course and would like my money back.", .refund),
    Sample(nil, "I was charged twice this month, see the attached invoice.", .billing),
    Sample("Payment failed", "My credit card payment was declined but the bank says it's fine.", .billing),
    Sample(nil, "The download button on lesson 4 does not work, nothing happens when I click.", .brokenFeature),
    Sample(nil, "Got an Error 404 when opening the community page", .brokenFeature),
    Sample(nil, "Where can I find the worksheet for module 3?", .contentQuestion),
    Sample("Question about the lesson", "In lesson 5 you mention a book, which one was it?", .contentQuestion),
    Sample(nil, "Just wanted to say thanks, the community is awesome! One idea: a monthly meetup.", .feedback),
    Sample(nil, "How much does the annual membership cost? Is there a discount for students?", .preSales),
    Sample(nil, "I'm thinking about joining, what's included?", .preSales),
    Sample(nil, "I never received the confirmation email after registration.", .registration),
    Sample(nil, "How do I start the free trial? And is there an iPhone app to download?", .trialOrApp),
    Sample(
        nil,
        "Could you review my business plan and give me personal advice in a 1 on 1 call?",
        .personalConsultation
    ),
    Sample(nil, "teh app keeps CRASHING on my phone when i open the videos", .brokenFeature),
    Sample(nil, "pls refundd me, i was chraged for nothing", .refund),
    Sample(nil, "I bought the yearly membership yesterday but still can't see the premium lessons", .access),
    Sample(nil, "How do I change my email address in my profile?", .access),
    Sample(nil, "I'd like to pause my membership for a month while I travel", .cancelSubscription),
    Sample("Hello", "Is anyone there?", .other),
]

@Suite("Classification: English")
struct EnglishClassificationTests {
    @Test("English messages get the expected reason", arguments: englishSamples)
    func english(_ sample: Sample) {
        expectClassified(sample)
    }

    @Test("Case, apostrophes and punctuation do not matter")
    func folding() {
        let variants = ["can't log in", "CAN’T LOG IN!!!", "Cant... log-in?", "can`t    Log\nIn"]
        for text in variants {
            #expect(ReasonClassifier.builtIn.classify(subject: nil, body: text).reason == .access, "\(text)")
        }
    }
}
