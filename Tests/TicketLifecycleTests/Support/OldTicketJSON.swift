/// Tickets in the JSON form the compiler derived for `Ticket` when all its fields were stored inline
/// (before the rarely set fields moved out of line), written by that code from ``LayoutStories`` with
/// sorted keys and pretty printing. Stores hold snapshots in this form: they must still decode, and
/// encode to the same text.
enum OldTicketJSON {
    /// The follow-up of ``LayoutStories/full()`` after its last step: closed, with every field set.
    static let fullLast = """
        {
          "assignee" : "a-1",
          "channel" : "email",
          "closedAt" : 788955060,
          "createdAt" : 788954400,
          "explanations" : [
            "reason",
            {
              "aspect" : "reason",
              "because" : "rule 'войти'",
              "value" : "access"
            }
          ],
          "followUpOf" : "T-0",
          "id" : "T-1",
          "locale" : "en",
          "messages" : [
            {
              "at" : 788954400,
              "author" : {
                "id" : "m-1",
                "role" : "member"
              },
              "body" : "I cannot log in",
              "channel" : "email",
              "id" : "msg-0",
              "kind" : "member_message"
            },
            {
              "at" : 788954760,
              "author" : {
                "id" : "a-1",
                "role" : "agent"
              },
              "body" : "Please retry",
              "channel" : "email",
              "id" : "r-1",
              "kind" : "public_reply"
            },
            {
              "at" : 788954880,
              "author" : {
                "id" : "m-1",
                "role" : "member"
              },
              "body" : "Done",
              "channel" : "email",
              "id" : "m-2",
              "kind" : "member_message"
            }
          ],
          "number" : 1042,
          "priority" : "normal",
          "reason" : "access",
          "requester" : "m-1",
          "sla" : {
            "firings" : [
              {
                "clockStartedAt" : 788954400,
                "dueAt" : 788958000,
                "firedAt" : 788956200,
                "metric" : "first_reply",
                "step" : {
                  "warning" : {

                  }
                }
              }
            ],
            "measurements" : [

            ],
            "paused" : [
              "resolution",
              {
                "clock" : {
                  "dueAt" : 788990400,
                  "metric" : "resolution",
                  "pausedFor" : 30,
                  "startedAt" : 788954400,
                  "warningAt" : 788972400
                },
                "pausedAt" : 788954820,
                "remaining" : 500
              }
            ],
            "running" : [
              "first_reply",
              {
                "dueAt" : 788958000,
                "metric" : "first_reply",
                "pausedFor" : 30,
                "startedAt" : 788954400,
                "warningAt" : 788956200
              }
            ]
          },
          "solvedAt" : 788955000,
          "status" : "closed",
          "subject" : "Login",
          "tags" : [
            "vip"
          ],
          "updatedAt" : 788955060,
          "version" : 15
        }
        """

    /// The follow-up of ``LayoutStories/full()`` after five steps: tagged, SLA clocks running, a warning fired.
    static let fullTagged = """
        {
          "assignee" : "a-1",
          "channel" : "email",
          "createdAt" : 788954400,
          "explanations" : [
            "reason",
            {
              "aspect" : "reason",
              "because" : "rule 'войти'",
              "value" : "access"
            }
          ],
          "followUpOf" : "T-0",
          "id" : "T-1",
          "locale" : "en",
          "messages" : [
            {
              "at" : 788954400,
              "author" : {
                "id" : "m-1",
                "role" : "member"
              },
              "body" : "I cannot log in",
              "channel" : "email",
              "id" : "msg-0",
              "kind" : "member_message"
            }
          ],
          "number" : 1042,
          "priority" : "normal",
          "reason" : "access",
          "requester" : "m-1",
          "sla" : {
            "firings" : [
              {
                "clockStartedAt" : 788954400,
                "dueAt" : 788958000,
                "firedAt" : 788956200,
                "metric" : "first_reply",
                "step" : {
                  "warning" : {

                  }
                }
              }
            ],
            "measurements" : [

            ],
            "paused" : [

            ],
            "running" : [
              "first_reply",
              {
                "dueAt" : 788958000,
                "metric" : "first_reply",
                "pausedFor" : 30,
                "startedAt" : 788954400,
                "warningAt" : 788956200
              },
              "resolution",
              {
                "dueAt" : 788990400,
                "metric" : "resolution",
                "pausedFor" : 30,
                "startedAt" : 788954400,
                "warningAt" : 788972400
              }
            ]
          },
          "status" : "new",
          "subject" : "Login",
          "tags" : [
            "billing",
            "vip"
          ],
          "updatedAt" : 788954700,
          "version" : 7
        }
        """

    /// The ticket of ``LayoutStories/merged()`` after its last step: merged into `T-2`, solved once.
    static let mergedLast = """
        {
          "channel" : "email",
          "closedAt" : 788954580,
          "createdAt" : 788954400,
          "explanations" : [

          ],
          "id" : "T-1",
          "locale" : "en",
          "mergedInto" : "T-2",
          "messages" : [
            {
              "at" : 788954400,
              "author" : {
                "id" : "m-1",
                "role" : "member"
              },
              "body" : "I cannot log in",
              "channel" : "email",
              "id" : "msg-0",
              "kind" : "member_message"
            },
            {
              "at" : 788954520,
              "author" : {
                "id" : "m-1",
                "role" : "member"
              },
              "body" : "Still broken",
              "channel" : "email",
              "id" : "m-2",
              "kind" : "member_message"
            }
          ],
          "priority" : "normal",
          "reason" : "access",
          "requester" : "m-1",
          "sla" : {
            "firings" : [

            ],
            "measurements" : [

            ],
            "paused" : [

            ],
            "running" : [

            ]
          },
          "status" : "closed",
          "subject" : "Login",
          "tags" : [

          ],
          "updatedAt" : 788954580,
          "version" : 5
        }
        """

    /// The ticket of ``LayoutStories/merged()`` as created: no rarely set field at all.
    static let plainNew = """
        {
          "channel" : "email",
          "createdAt" : 788954400,
          "explanations" : [

          ],
          "id" : "T-1",
          "locale" : "en",
          "messages" : [
            {
              "at" : 788954400,
              "author" : {
                "id" : "m-1",
                "role" : "member"
              },
              "body" : "I cannot log in",
              "channel" : "email",
              "id" : "msg-0",
              "kind" : "member_message"
            }
          ],
          "priority" : "normal",
          "reason" : "access",
          "requester" : "m-1",
          "sla" : {
            "firings" : [

            ],
            "measurements" : [

            ],
            "paused" : [

            ],
            "running" : [

            ]
          },
          "status" : "new",
          "subject" : "Login",
          "tags" : [

          ],
          "updatedAt" : 788954400,
          "version" : 1
        }
        """
}
