import SupportEngine

/// What the bot itself says, in English, Russian and Spanish: the replies to `/start` and `/stop`, and
/// the polite answer to a chat that is not linked to a member.
enum TelegramPhrases {
    /// A phrase.
    enum Key: Sendable {
        /// A chat that is not linked: how to link it; nothing is read.
        case notLinked
        /// The chat is now the member's.
        case linked(name: String)
        /// `/start` without a token in a linked chat.
        case alreadyLinked
        /// A token that is unknown, used or expired.
        case invalidLink
        /// `/stop`: the chat is unlinked.
        case unlinked
        /// A message with nothing the desk can take (a sticker, a voice message).
        case unsupported
    }

    /// The language for a Telegram `language_code` (`ru`, `es-AR`, `en`): Russian, Spanish, else English.
    static func language(ofCode code: String?) -> LocaleTag {
        switch code?.lowercased().prefix(2) {
        case "ru": .ru
        case "es": .es
        default: .en
        }
    }

    /// The phrase in a language (English for any but Russian and Spanish).
    static func text(_ key: Key, in locale: LocaleTag) -> String {
        switch (key, locale.rawValue.prefix(2)) {
        case (.notLinked, "ru"):
            "Здравствуйте! Чтобы писать в поддержку здесь, сначала свяжите этот чат с аккаунтом клуба: откройте "
                + "раздел поддержки на сайте клуба и нажмите «Подключить Telegram». Пока чат не связан, сообщения "
                + "здесь никто не читает."
        case (.notLinked, "es"):
            "¡Hola! Para escribir a soporte aquí, primero vincula este chat con tu cuenta del club: abre la "
                + "sección de soporte en la web del club y pulsa «Conectar Telegram». Mientras el chat no esté "
                + "vinculado, nadie lee los mensajes de aquí."
        case (.notLinked, _):
            "Hello! To write to support here, first link this chat to your club account: open the support "
                + "section on the club's site and press “Connect Telegram”. Until the chat is linked, nobody "
                + "reads the messages here."
        case (.linked(let name), "ru"):
            "Готово, \(name): этот чат связан с вашим аккаунтом. Пишите вопрос здесь — ответ тоже придёт сюда. "
                + "Чтобы отвязать чат, отправьте /stop."
        case (.linked(let name), "es"):
            "Listo, \(name): este chat está vinculado a tu cuenta. Escribe tu pregunta aquí y la respuesta "
                + "llegará aquí también. Para desvincularlo, envía /stop."
        case (.linked(let name), _):
            "Done, \(name): this chat is linked to your account. Write your question here and the answer will "
                + "come here too. Send /stop to unlink it."
        case (.alreadyLinked, "ru"): "Этот чат уже связан с вашим аккаунтом. Напишите свой вопрос."
        case (.alreadyLinked, "es"): "Este chat ya está vinculado a tu cuenta. Escribe tu pregunta."
        case (.alreadyLinked, _): "This chat is already linked to your account. Write your question."
        case (.invalidLink, "ru"):
            "Эта ссылка устарела или уже использована. Получите новую в разделе поддержки на сайте клуба."
        case (.invalidLink, "es"):
            "Este enlace ha caducado o ya se usó. Pide uno nuevo en la sección de soporte de la web del club."
        case (.invalidLink, _):
            "This link has expired or was already used. Get a new one in the support section of the club's site."
        case (.unlinked, "ru"):
            "Чат отвязан: ответы будут приходить на почту. Чтобы снова подключить Telegram, возьмите новую "
                + "ссылку на сайте клуба."
        case (.unlinked, "es"):
            "Chat desvinculado: las respuestas llegarán por correo. Para volver a conectar Telegram, usa un "
                + "enlace nuevo de la web del club."
        case (.unlinked, _):
            "This chat is unlinked: answers will come by email. To connect Telegram again, use a new link "
                + "from the club's site."
        case (.unsupported, "ru"): "Я принимаю текст, фотографии и документы. Напишите, пожалуйста, текстом."
        case (.unsupported, "es"): "Acepto texto, fotos y documentos. Escríbelo en texto, por favor."
        case (.unsupported, _): "I can take text, photos and documents. Please write your message as text."
        }
    }
}
