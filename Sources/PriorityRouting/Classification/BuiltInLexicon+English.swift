extension BuiltInLexicon {
    static let english: [ContactReason: [String]] = [
        .refund: [
            "refund*", "refound*", "money back", "reimburs*", "chargeback*", "return my money", "return the money",
        ],
        .access: [
            "log in", "log into", "logging in", "logged in", "logged out", "log on", "login*", "logon",
            "sign in", "signing in", "signed in", "sign into", "signin", "passw*", "pasw*", "access", "accessing",
            "acess*", "acces", "locked out", "cant get in", "cant enter", "2fa", "two factor", "verification code",
            "login code", "magic link", "reset link", "account locked", "account blocked", "username", "credentials",
            "cant see lesson*", "cant see course*", "cant see content", "cant see video*", "cannot see lesson*",
            "cannot see content", "cant watch", "change* email", "update* email", "account settings",
        ],
        .billing: [
            "payment*", "pay", "paid", "paying", "charg*", "overcharg*", "invoice*", "receipt*", "billing", "bill",
            "billed", "credit card", "debit card", "card declined", "declined", "transaction*", "bank", "paypal",
            "vat", "fee", "fees",
        ],
        .cancelSubscription: [
            "cancel", "cancellation", "cancelling", "canceling", "unsubscrib*", "stop subscription",
            "end subscription", "end membership", "stop membership", "terminate*", "close account",
            "delete account", "leave club", "quit club", "opt out", "not renew", "dont renew", "stop renew*",
            "turn off renew*", "disable renew*", "auto renew*", "pause membership", "pause subscription",
            "pause my account", "freeze membership",
        ],
        .registration: [
            "regist*", "sign up", "signup", "signing up", "signed up", "create account", "creating account",
            "confirm* email", "confirmation email", "confirmation link", "verif*", "validat*", "activat*",
        ],
        .trialOrApp: [
            "trial*", "app", "apps", "download*", "install*", "ios", "android", "iphone", "ipad", "app store",
            "appstore", "google play", "play store", "demo", "mobile",
        ],
        .brokenFeature: [
            "not working", "doesnt work", "does not work", "dont work", "isnt working", "stopped working",
            "wont work", "broken", "bug", "bugs", "buggy", "error*", "button*", "dead link", "crash*", "glitch*",
            "404", "wont load", "not loading", "doesnt load", "does not load", "cant click", "freez*",
            "blank page", "blank screen", "doesnt play", "wont play", "not playing", "doesnt open", "wont open",
            "not opening", "nothing happens", "fail*", "cant download", "cannot download",
        ],
        .personalConsultation: [
            "consult*", "personal advice", "advice", "mentor*", "coaching", "one on one", "1 on 1",
            "private session", "personal session", "review my", "look at my", "feedback on my",
        ],
        .preSales: [
            "how much", "price*", "pricing", "cost", "costs", "before join*", "before buy*", "before i buy",
            "before signing up", "thinking of joining", "thinking about joining", "want to join", "join the club",
            "is it worth", "whats included", "what is included", "discount*", "coupon*", "promo code",
            "membership plan*", "annual plan", "monthly plan",
        ],
        .contentQuestion: [
            "lesson*", "module*", "course*", "video*", "material*", "chapter*", "homework", "exercise*",
            "webinar*", "recording*", "replay", "worksheet*", "workbook*", "where can i find", "where do i find",
            "content", "club rules",
        ],
        .feedback: [
            "feedback", "suggest*", "idea", "ideas", "thank*", "thanks", "thx", "love", "loved", "great job",
            "awesome", "amazing", "complain*", "disappoint*", "improve*", "would be nice", "wish", "review",
        ],
    ]
}
