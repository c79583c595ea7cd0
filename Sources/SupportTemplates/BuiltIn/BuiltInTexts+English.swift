import MemberJourney
import Moderation
import RefundRules
import SupportCore

extension BuiltInTexts {
    /// The English texts of every built-in template, by feature.
    static let english: [TemplateKey: String] = [
        // MARK: - Acknowledgements and notices

        .acknowledgement: """
        Hello {{member_name}},

        we have received your message "{{ticket_subject}}" (ticket {{ticket_number}}). \
        You can expect an answer by {{expected_reply}}.

        {{reply_channel}}{{self_service}}The support team
        """,
        .acknowledgementWithoutPromise: """
        Hello {{member_name}},

        we have received your message "{{ticket_subject}}" (ticket {{ticket_number}}) and will answer as soon \
        as we can.

        {{reply_channel}}{{self_service}}The support team
        """,
        .afterHours: """
        Hello {{member_name}},

        our support team is not working right now. We are back on {{next_opening}} and will answer \
        you then. Our hours: {{hours}}.
        """,
        .absence: """
        Hello {{member_name}},

        we are away until {{absent_until}}. We will answer you as soon as possible after that.
        """,
        .absenceWithSubstitute: """
        Hello {{member_name}},

        we are away until {{absent_until}}. {{substitute_name}} is looking after your message in the \
        meantime.
        """,
        .agentAbsence: """
        Hello {{member_name}},

        {{agent_name}} is away until {{absent_until}}. {{substitute_name}} is looking after your message \
        in the meantime.
        """,
        .removedMember: """
        Hello {{member_name}},

        your membership of the club has ended, so this support line no longer takes requests from you. \
        We have kept your message on record.
        """,
        .agentAbsenceWithoutSubstitute: """
        Hello {{member_name}},

        {{agent_name}} is away until {{absent_until}}. Another member of our team will answer you.
        """,
        .outOfScope: """
        Hello {{member_name}},

        this support line does not handle {{topic}}. Please {{redirect}}.

        Thank you for understanding.
        """,
        .selfService: "You may be able to do this yourself right away: {{links}}\n\n",
        .replyChannel: "We will answer you on: {{channel}}.\n\n",

        // MARK: - Refunds

        TemplateKey(rawValue: RefundDecision.TemplateKey.approved): """
        Hello {{member_name}},

        your refund of {{amount}} is approved (request {{request_id}}). \
        The money goes back to the payment method you used; your bank may take a few days to show it.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.approvedGoodwill): """
        Hello {{member_name}},

        although the guarantee period has passed, we have decided to refund {{amount}} as a gesture of \
        good will (request {{request_id}}). The money goes back to the payment method you used.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.withdrawal): """
        Hello {{member_name}},

        you have withdrawn from your membership within the statutory withdrawal period. We refund the \
        full {{amount}} (request {{request_id}}); your subscription and access end now.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedOutsideWindow): """
        Hello {{member_name}},

        thank you for writing to us. Our guarantee covers refunds within {{guarantee_days}} days, and \
        that period has passed, so we cannot refund this payment (request {{request_id}}). \
        If something in the club does not work for you, reply and we will help.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedDisputed): """
        Hello {{member_name}},

        this payment is being disputed with your bank, so the bank handles the money back and we cannot \
        refund it as well (request {{request_id}}). If the dispute is closed, reply and we will look again.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedAlreadyRefunded): """
        Hello {{member_name}},

        this payment has already been refunded, so there is nothing more to return (request \
        {{request_id}}). If you do not see the money, reply and we will check with you.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedNothingLeft): """
        Hello {{member_name}},

        the period this payment covers has been used up, so under our refund terms nothing is left to \
        return (request {{request_id}}).

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.deniedByOwner): """
        Hello {{member_name}},

        we have looked at your request carefully. As the guarantee period has passed, we cannot make \
        an exception this time (request {{request_id}}). Thank you for understanding.

        The support team
        """,
        TemplateKey(rawValue: RefundDecision.TemplateKey.escalated): """
        Hello {{member_name}},

        we have received your refund request ({{request_id}}). It needs a decision by the club's owner; \
        we will write to you as soon as it is made.

        The support team
        """,

        // MARK: - Moderation

        TemplateKey(rawValue: ModerationDecision.TemplateKey.warning): """
        Hello {{member_name}},

        we value you in the club, and we ask everyone to keep to the same rules. Your recent message \
        went against our rule on {{rule}}. Please keep to it from now on. The rules: {{rules_link}}

        The support team
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.finalWarning): """
        Hello {{member_name}},

        this is a final warning: your message again went against our rule on {{rule}}. If it happens \
        once more, your membership will end. The rules: {{rules_link}}

        The support team
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.suspension): """
        Hello {{member_name}},

        because your message went against our rule on {{rule}}, your access is suspended until \
        {{suspended_until}}. The rules: {{rules_link}}

        The support team
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.removal): """
        Hello {{member_name}},

        after the earlier warnings, your message again went against our rule on {{rule}}, so your \
        membership of the club ends now. The rules: {{rules_link}}

        The support team
        """,
        TemplateKey(rawValue: ModerationDecision.TemplateKey.reversal): """
        Hello {{member_name}},

        we have looked again and withdrawn an earlier moderation step on your account. It no longer \
        counts. Thank you for your patience.

        The support team
        """,
        PolicyTemplateKeys.rulesLink: "/rules",

        // MARK: - Names of the kinds of violation

        PolicyTemplateKeys.ruleName(.rudeness): "rudeness",
        PolicyTemplateKeys.ruleName(.aggression): "aggression",
        PolicyTemplateKeys.ruleName(.harassment): "harassment",
        PolicyTemplateKeys.ruleName(.spam): "spam",
        PolicyTemplateKeys.ruleName(.supportLineMisuse): "using the support line only for support",

        // MARK: - Member journey and feedback

        .journeyWelcome: """
        Hello {{member_name}},

        welcome to the club, we are glad you are here! Start with the introduction section, and ask us \
        anything: just reply to this message.

        The team
        """,
        .journeyOnboardingCheckIn: """
        Hello {{member_name}},

        you have been with us for a few days: how is it going? If you like, we can meet for fifteen minutes \
        to help you find what you came for. Reply with a time that suits you.

        The team
        """,
        .journeyQuietCheckIn: """
        Hello {{member_name}},

        we have not seen you in a while and wanted to ask how you are doing and how your goals are going. \
        Is there anything we can help with? Just reply to this message.

        The team
        """,
        .journeyExitSurvey: """
        Hello {{member_name}},

        thank you for being part of our community. We are sorry to see you go, and we would like to learn \
        from it: what made you leave? Reply with the numbers that apply, and a few words if you like:

        {{reasons}}

        We wish you all the best, and you are always welcome back.

        The team
        """,
        .journeyWinBack: """
        Hello {{member_name}},

        when you left, you told us the reason was: {{reason}}. Thank you for saying so — we listened, \
        and it is fixed:

        {{fix_note}}

        We would be glad to have you back.

        The team
        """,
        .ratingRequest: """
        Hello {{member_name}},

        we have marked your request "{{ticket_subject}}" as solved. How did we do? Rate us from 1 (poor) to \
        5 (excellent), and tell us in a few words what we could do better.
        """,
        .youSaidWeDid: """
        Hello {{member_name}},

        you said: "{{feedback}}". We did:

        {{note}}

        Thank you for your feedback — it makes the club better.

        The team
        """,

        // MARK: - Subjects of the journey and feedback messages

        TemplateKey.journeyWelcome.subject: "Welcome, {{member_name}}!",
        TemplateKey.journeyOnboardingCheckIn.subject: "How is it going?",
        TemplateKey.journeyQuietCheckIn.subject: "How are you doing?",
        TemplateKey.journeyExitSurvey.subject: "Thank you for being with us",
        TemplateKey.journeyWinBack.subject: "You told us, we fixed it",
        TemplateKey.ratingRequest.subject: "How did we do?",
        TemplateKey.youSaidWeDid.subject: "You said, we did",

        // MARK: - Names of the exit reasons

        .exitReasonName(.tooExpensive): "too expensive",
        .exitReasonName(.notEnoughTime): "not enough time",
        .exitReasonName(.contentNotExpected): "the content was not what I expected",
        .exitReasonName(.technicalProblems): "technical problems",
        .exitReasonName(.supportExperience): "the support I got",
        .exitReasonName(.other): "something else",
    ]
}
