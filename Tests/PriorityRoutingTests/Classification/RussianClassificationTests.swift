import PriorityRouting
import Testing

private let russianSamples: [Sample] = [
    Sample("Не могу войти", "Здравствуйте! Не могу войти в личный кабинет, пишет неверный пароль.", .access),
    Sample(nil, "НЕ МОГУ ЗАЙТИ В КЛУБ, помогите срочно", .access),
    Sample(nil, "не приходит письмо для восстановления пароля", .access),
    Sample(nil, "Забыла пороль, как востановить доступ?", .access),
    Sample(nil, "Письмо со ссылкой так и не пришло, войти не получается", .access),
    Sample("Отмена подписки", "Хочу отменить подписку, больше не пользуюсь.", .cancelSubscription),
    Sample(nil, "Как отключить автопродление? Не хочу продлевать на следующий месяц", .cancelSubscription),
    Sample(nil, "Отмените подписку и верните деньги за этот месяц", .refund),
    Sample(nil, "Прошу оформить возврат, курс не подошёл", .refund),
    Sample(nil, "С карты списали оплату дважды, пришлите чек пожалуйста", .billing),
    Sample("Оплата", "Не проходит оплата картой, банк говорит всё в порядке", .billing),
    Sample(nil, "Кнопка «Далее» в уроке 3 не работает, ничего не происходит", .brokenFeature),
    Sample(nil, "видео не загружается, белый экран и ошибка", .brokenFeature),
    Sample(nil, "Где найти материалы к пятому уроку?", .contentQuestion),
    Sample(nil, "Спасибо за клуб! Есть идея: добавить встречи участников.", .feedback),
    Sample(nil, "Сколько стоит вступить в клуб и что входит в тариф?", .preSales),
    Sample(nil, "Не могу завершить регистрацию, не приходит код подтверждения на почту", .registration),
    Sample(nil, "Где скачать приложение на андроид? И есть ли пробный период?", .trialOrApp),
    Sample(nil, "Можно личную консультацию по моему проекту?", .personalConsultation),
    Sample(nil, "ни могу вайти в акаунт", .access),
    Sample(nil, "хачу атписаться от расылки и подписки", .cancelSubscription),
    Sample(nil, "Оплатила, но не вижу уроки", .access),
    Sample(nil, "Не вижу смысла продолжать, отмените подписку", .cancelSubscription),
    Sample(nil, "Не могу скачать файл из урока", .brokenFeature),
    Sample("Вопрос", "Добрый день", .other),
]

@Suite("Classification: Russian")
struct RussianClassificationTests {
    @Test("Russian messages get the expected reason", arguments: russianSamples)
    func russian(_ sample: Sample) {
        expectClassified(sample)
    }

    @Test("Ё and Й fold, inflections match stems")
    func inflections() {
        let classifier = ReasonClassifier.builtIn
        for text in ["отменить подписку", "Отмена подписки", "отменИте мою ПОДПИСКУ", "подписку отменить"] {
            #expect(classifier.classify(subject: nil, body: text).reason == .cancelSubscription, "\(text)")
        }
        #expect(classifier.classify(subject: nil, body: "ещё раз: платёж не прошёл").reason == .billing)
    }
}
