import Foundation
import Hummingbird
import NIOCore

/// The OpenAPI 3.1 document of the server's HTTP API, served at `GET /openapi.json`.
///
/// The document is the package resource `Resources/openapi.json`, written by hand next to the routes;
/// a test compares its paths and methods with the routes the server registers, so a route added without
/// its description (or a description left behind) fails the build's tests.
public enum OpenAPIDocument {
    /// The document's bytes, as the resource holds them.
    ///
    /// - Returns: The JSON text.
    /// - Throws: ``APIError`` (500, `openapi_missing`) when the resource bundle lacks the file. A binary
    ///   copied without its `HummingbirdServer_SupportServer.resources` bundle stops at the first read
    ///   (SwiftPM's `Bundle.module` traps), so deploy the two together.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw APIError(
                .internalServerError,
                "openapi_missing",
                "the OpenAPI document is not next to the server; copy the SupportServer resource bundle with it"
            )
        }
        return try Data(contentsOf: url)
    }

    /// `GET /openapi.json`: the document, with no token.
    ///
    /// - Returns: The response.
    /// - Throws: ``APIError`` when the document cannot be read.
    static func response() throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try data()))
        )
    }
}
