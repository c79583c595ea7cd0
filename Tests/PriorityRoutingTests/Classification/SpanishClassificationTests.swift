import PriorityRouting
import Testing

private let spanishSamples: [Sample] = [
    Sample("No puedo acceder", "Hola, no puedo acceder a mi cuenta desde ayer.", .access),
    Sample(nil, "NO PUEDO ENTRAR, me dice que la contraseña es incorrecta", .access),
    Sample(nil, "olvide mi contrasena y no me llega el correo para cambiarla", .access),
    Sample(nil, "no puedo aceder al contenido premium", .access),
    Sample(nil, "Quiero cancelar la suscripción, ¿cómo lo hago?", .cancelSubscription),
    Sample("Baja", "Por favor, darme de baja de la membresía.", .cancelSubscription),
    Sample(nil, "Quiero cancelar la suscripción y que me devuelvan el dinero", .refund),
    Sample("Reembolso", "Solicito el reembolso de mi último pago, no estoy conforme.", .refund),
    Sample(nil, "Me cobraron dos veces este mes, necesito la factura", .billing),
    Sample(nil, "El pago con tarjeta fue rechazado", .billing),
    Sample(nil, "El botón de descargar no funciona en la lección 2", .brokenFeature),
    Sample(nil, "Me sale un error y la página no carga", .brokenFeature),
    Sample(nil, "¿Dónde encuentro el material de la clase del martes?", .contentQuestion),
    Sample(nil, "¡Muchas gracias! Tengo una sugerencia para mejorar el foro.", .feedback),
    Sample(nil, "¿Cuánto cuesta la membresía? ¿Hay descuentos?", .preSales),
    Sample(nil, "No me llegó el email de confirmación del registro", .registration),
    Sample(nil, "¿Hay periodo de prueba? ¿Dónde descargo la aplicación para iPhone?", .trialOrApp),
    Sample(nil, "Necesito asesoría personalizada para mi negocio", .personalConsultation),
    Sample(nil, "mi contrasenia no sirve, ya la cambié dos veses", .access),
    Sample(nil, "Kiero darme de baja ya", .cancelSubscription),
    Sample(nil, "Pagué la suscripción pero no tengo acceso a los cursos", .access),
    Sample(nil, "Quisiera pausar mi membresía unos meses", .cancelSubscription),
    Sample(nil, "Buenas, quería saber si puedo pagar con PayPal", .billing),
    Sample("Hola", "Buenas tardes", .other),
]

@Suite("Classification: Spanish")
struct SpanishClassificationTests {
    @Test("Spanish messages get the expected reason", arguments: spanishSamples)
    func spanish(_ sample: Sample) {
        expectClassified(sample)
    }

    @Test("Accents and ñ fold, also when decomposed")
    func accents() {
        let classifier = ReasonClassifier.builtIn
        for text in ["contraseña", "CONTRASEÑA", "contrasena", "contrasen\u{303}a", "Contraseñas"] {
            #expect(classifier.classify(subject: nil, body: text).reason == .access, "\(text)")
        }
        #expect(classifier.classify(subject: nil, body: "CANCELACIÓN").reason == .cancelSubscription)
    }
}
