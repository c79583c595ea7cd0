extension BuiltInLexicon {
    static let spanish: [ContactReason: [String]] = [
        .refund: [
            "reembols*", "rembols*", "devoluci*", "devolv* dinero", "devuelv* dinero", "devuelvan", "reintegr*",
            "recuperar* dinero", "dinero de vuelta",
        ],
        .access: [
            "acced*", "aceder", "acseder", "acceso", "accesar", "acseso", "aceso", "entrar", "ingresar", "ingreso",
            "iniciar sesión",
            "inicio sesión", "contrase*", "clave", "password", "bloquead*", "no llega* correo", "no llega* email",
            "no recib* correo", "no recib* email", "no recib* código", "código verificación", "no veo clase*",
            "no veo curso*", "no veo lecci*", "no veo contenido*", "no veo video*", "cambiar* correo",
            "cambiar* email", "ajustes cuenta",
        ],
        .billing: [
            "pago", "pagos", "pagué", "pagar", "pagado", "cobr*", "factur*", "tarjeta*", "recibo*", "transacci*",
            "cargo", "cargos", "domiciliaci*", "paypal", "banco", "bancari*", "cuota*",
        ],
        .cancelSubscription: [
            "cancelar", "cancelación", "cancelarla", "cancelarlo", "cancela", "cancelo", "dar* de baja",
            "baja suscripci*", "anular*", "desuscrib*", "desuscripci*", "borr* cuenta", "elimin* cuenta",
            "cerrar* cuenta", "no renov*", "desactiv* renovaci*", "salir del club", "dejar membresía", "pausar*",
            "congelar* membresía",
            "congelar* suscripci*",
        ],
        .registration: [
            "registr*", "crear* cuenta", "confirm* correo", "confirm* email", "confirmaci*", "verific*", "validar",
            "validaci*", "activar* cuenta", "activaci*", "inscripci*",
        ],
        .trialOrApp: [
            "prueba gratis", "prueba gratuita", "periodo prueba", "versión prueba", "demo", "aplicaci*", "app",
            "descarg*", "instal*", "android", "iphone", "ios", "móvil", "móviles",
        ],
        .brokenFeature: [
            "no funciona*", "no funcionan", "dejó funcionar", "falla*", "fallo*", "error*", "roto", "rota",
            "rotos", "botón", "botones", "no carga*", "no abre", "no se abre", "bug*", "se cuelga", "no responde",
            "pantalla blanco", "no reproduc*", "404", "no puedo descargar", "no descarga*",
        ],
        .personalConsultation: [
            "consulta personal", "consultoría", "asesor*", "mentor*", "coaching", "sesión personal",
            "sesión individual", "consejo*", "revis* mi", "personalizad*",
        ],
        .preSales: [
            "cuánto cuesta", "cuánto vale", "precio*", "tarifa*", "antes suscrib*", "antes inscrib*", "antes compr*",
            "unirme", "qué incluye", "descuento*", "cupón", "cupones", "vale pena", "planes",
        ],
        .contentQuestion: [
            "lección", "lecciones", "clase", "clases", "módulo*", "curso*", "vídeo*", "video*", "material*",
            "contenido*", "ejercicio*", "tarea*", "webinar*", "grabaci*", "dónde encuentro", "dónde encontrar",
            "temario",
        ],
        .feedback: [
            "sugerenci*", "sugiero", "opinión", "opiniones", "gracias", "felicit*", "idea", "ideas", "queja*",
            "reclamaci*", "mejorar", "mejora*", "me encanta*", "propuesta*", "comentario*", "encantad*",
        ],
    ]
}
