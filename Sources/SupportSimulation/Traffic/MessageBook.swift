import Foundation
import SupportEngine

/// What simulated members and agents write, per contact reason and language, so the classifier has real
/// text to read.
enum MessageBook {
    /// Subject and body for a new ticket; falls back to English for a language without texts.
    static func opening(_ reason: ContactReason, _ language: String, pick: Int) -> (subject: String, body: String) {
        let table = openings[reason.rawValue] ?? openings["content_question"]!
        let texts = table[language] ?? table["en"]!
        return texts[pick % texts.count]
    }

    static let openings: [String: [String: [(subject: String, body: String)]]] = [
        "access": [
            "en": [
                (
                    "Cannot log in",
                    "Hi, I cannot log in to the club since yesterday, the password reset link does nothing."
                ),
                ("Locked out", "Hello, I am locked out of my account. The login code never arrives."),
            ],
            "ru": [
                ("Не могу войти", "Здравствуйте! Не могу войти в клуб, пароль не подходит, хотя я его не меняла."),
                ("Нет доступа", "Добрый день, пропал доступ к личному кабинету после продления."),
            ],
            "es": [
                ("No puedo entrar", "Hola, no puedo entrar en el club, la contraseña no funciona."),
                ("Sin acceso", "Buenas, perdí el acceso a mi cuenta, no me llega el código."),
            ],
        ],
        "broken_feature": [
            "en": [
                ("Player broken", "The video player is broken: the lesson page shows a blank screen."),
                ("Button does not work", "The download button does not work on the workbook page, nothing happens."),
            ],
            "ru": [
                ("Не работает", "Не работает кнопка на странице урока, ничего не происходит."),
                ("Ошибка", "Видео не воспроизводится, вылетает ошибка 404."),
            ],
            "es": [
                ("Error", "El botón de descarga no funciona, sale un error."),
                ("Página rota", "La página de la lección no carga, pantalla en blanco."),
            ],
        ],
        "content_question": [
            "en": [
                ("Where is the recording?", "Where can I find the recording of last week's webinar?"),
                ("Homework", "A question about the homework in module 3: which worksheet should I use?"),
            ],
            "ru": [
                ("Вопрос по уроку", "Подскажите, где найти материалы к третьему уроку курса?"),
                ("Запись эфира", "Будет ли запись вчерашнего вебинара?"),
            ],
            "es": [
                ("Pregunta sobre la lección", "¿Dónde encuentro los materiales de la lección 4 del curso?"),
                ("Grabación", "¿Hay grabación del webinar de ayer?"),
            ],
        ],
        "cancel_subscription": [
            "en": [
                ("Cancel", "Please cancel my subscription, I do not want it to renew next month."),
                ("Stop renewal", "How do I turn off auto renewal? I want to cancel."),
            ],
            "ru": [
                ("Отмена подписки", "Прошу отменить подписку, не хочу, чтобы она продлевалась."),
                ("Автопродление", "Как отключить автопродление? Хочу отписаться."),
            ],
            "es": [
                ("Cancelar", "Quiero cancelar mi suscripción, por favor."),
                ("Baja", "Por favor, dadme de baja de la suscripción."),
            ],
        ],
        "feedback": [
            "en": [
                ("Thank you", "Thanks for the great lessons, I have an idea for a new topic."),
                ("Suggestion", "A suggestion: it would be nice to have subtitles. Love the club!"),
            ],
            "ru": [
                ("Спасибо", "Спасибо за клуб! Есть идея для нового эфира."),
                ("Предложение", "Хочу оставить отзыв и пожелание: добавьте субтитры."),
            ],
            "es": [
                ("Gracias", "¡Gracias por el club! Tengo una sugerencia para mejorar."),
                ("Sugerencia", "Una sugerencia: estaría bien tener subtítulos."),
            ],
        ],
        "pre_sales": [
            "en": [
                ("Before joining", "How much is the annual plan, and what is included before I buy?"),
                ("Pricing", "I am thinking of joining. Is there a discount for the annual plan?"),
            ],
            "ru": [
                ("Стоимость", "Сколько стоит годовой тариф и что входит?"),
                ("Перед покупкой", "Хочу вступить в клуб, есть ли скидка?"),
            ],
            "es": [
                ("Precio", "¿Cuánto cuesta el plan anual y qué incluye?"),
                ("Antes de comprar", "Quiero unirme al club, ¿hay descuento?"),
            ],
        ],
        "billing": [
            "en": [
                ("Charged twice", "I was charged twice this month, please check the payment."),
                ("Invoice", "I need an invoice for my last payment with the VAT number."),
            ],
            "ru": [
                ("Двойное списание", "С карты дважды списали оплату за месяц, проверьте, пожалуйста."),
                ("Чек", "Нужен чек за последнюю оплату."),
            ],
            "es": [
                ("Cobro doble", "Me han cobrado dos veces el pago de este mes."),
                ("Factura", "Necesito la factura de mi último pago."),
            ],
        ],
        "refund": [
            "en": [("Refund", "I would like a refund, the club is not for me. Please return my money.")],
            "ru": [("Возврат", "Хочу оформить возврат, верните деньги, пожалуйста.")],
            "es": [("Reembolso", "Quiero un reembolso, por favor devolvedme el dinero.")],
        ],
    ]

    /// A difficult member's opening: rude, repeated, in Russian.
    static let difficult: [(subject: String, body: String)] = [
        ("ОПЯТЬ!!!", "Опять ничего не работает!!! Сколько можно, вы вообще работаете? Верните доступ немедленно!"),
        ("Безобразие", "Третий раз пишу, никто не отвечает нормально. Ужасный сервис, кнопка не работает."),
        ("WORST SUPPORT", "This is the worst support ever. Nothing works and nobody cares. Fix the login NOW."),
    ]

    /// A member's answer to a question from support.
    static func memberAnswer(_ language: String, pick: Int) -> String {
        let texts: [String] =
            switch language {
            case "ru": ["Да, сейчас проверила, всё так же.", "Спасибо, вот скриншот, что ещё нужно?"]
            case "es": ["Sí, lo he probado otra vez y sigue igual.", "Gracias, os mando una captura."]
            default: ["Yes, I tried again and it is the same.", "Thanks, here is a screenshot. Anything else?"]
            }
        return texts[pick % texts.count]
    }

    /// An agent's public reply: a question (the ticket goes pending) or an answer.
    static func agentReply(asking: Bool, _ language: String) -> String {
        switch (language, asking) {
        case ("ru", true): "Здравствуйте! Уточните, пожалуйста, с какого устройства вы заходите?"
        case ("ru", false): "Готово, всё исправили. Напишите, если что-то ещё понадобится!"
        case ("es", true): "¡Hola! ¿Desde qué dispositivo entras? Así lo revisamos."
        case ("es", false): "Listo, ya está resuelto. ¡Escríbenos si necesitas algo más!"
        case (_, true): "Hi! Could you tell us which device and browser you use, so we can check?"
        default: "Done, this is fixed now. Write to us if you need anything else!"
        }
    }
}
