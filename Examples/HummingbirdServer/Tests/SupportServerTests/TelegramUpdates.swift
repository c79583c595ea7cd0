/// Webhook bodies shaped like the Bot API's documented `Update` objects
/// (<https://core.telegram.org/bots/api#update>, `Message`, `PhotoSize`, `Document`), with the fields
/// Telegram sends and the desk ignores.
enum TelegramUpdates {
    /// A private chat's text message from a user whose app is in `language`.
    static func text(_ text: String, update: Int64, chat: Int64, message: Int64, language: String = "en") -> String {
        """
        {"update_id":\(update),
         "message":{"message_id":\(message),
          "from":{"id":\(chat),"is_bot":false,"first_name":"Anna","last_name":"P","username":"anna_p","language_code":"\(language)"},
          "chat":{"id":\(chat),"first_name":"Anna","last_name":"P","username":"anna_p","type":"private"},
          "date":1768212000,"text":\(quoted(text))\(text.hasPrefix("/") ? commandEntity(text) : "")}}
        """
    }

    /// The `bot_command` entity Telegram adds to a message that starts with a command.
    private static func commandEntity(_ text: String) -> String {
        let length = text.split(separator: " ").first?.utf16.count ?? 0
        return #","entities":[{"offset":0,"length":\#(length),"type":"bot_command"}]"#
    }

    /// An edited text message.
    static func edited(_ text: String, update: Int64, chat: Int64, message: Int64) -> String {
        """
        {"update_id":\(update),
         "edited_message":{"message_id":\(message),
          "from":{"id":\(chat),"is_bot":false,"first_name":"Anna","language_code":"en"},
          "chat":{"id":\(chat),"first_name":"Anna","type":"private"},
          "date":1768212000,"edit_date":1768212060,"text":\(quoted(text))}}
        """
    }

    /// A photo in three sizes, with a caption.
    static func photo(caption: String, fileID: String, update: Int64, chat: Int64, message: Int64) -> String {
        """
        {"update_id":\(update),
         "message":{"message_id":\(message),
          "from":{"id":\(chat),"is_bot":false,"first_name":"Anna","language_code":"en"},
          "chat":{"id":\(chat),"first_name":"Anna","type":"private"},
          "date":1768212000,
          "photo":[
            {"file_id":"\(fileID)-s","file_unique_id":"AQADs","file_size":1299,"width":90,"height":67},
            {"file_id":"\(fileID)-m","file_unique_id":"AQADm","file_size":16102,"width":320,"height":240},
            {"file_id":"\(fileID)","file_unique_id":"AQADx","file_size":6,"width":1280,"height":960}],
          "caption":\(quoted(caption))}}
        """
    }

    /// A document of `size` bytes, without a caption.
    static func document(name: String, fileID: String, size: Int, update: Int64, chat: Int64, message: Int64) -> String
    {
        """
        {"update_id":\(update),
         "message":{"message_id":\(message),
          "from":{"id":\(chat),"is_bot":false,"first_name":"Anna","language_code":"en"},
          "chat":{"id":\(chat),"first_name":"Anna","type":"private"},
          "date":1768212000,
          "document":{"file_name":"\(name)","mime_type":"application/pdf","file_id":"\(fileID)",
                      "file_unique_id":"AgADdoc","file_size":\(size)}}}
        """
    }

    /// A `callback_query` update: a kind the desk does not take.
    static func callbackQuery(update: Int64, chat: Int64) -> String {
        """
        {"update_id":\(update),
         "callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":\(chat),"is_bot":false,"first_name":"Anna"},
          "chat_instance":"-8124932147212","data":"Data from button callback"}}
        """
    }

    /// A message in a group chat.
    static func groupMessage(update: Int64) -> String {
        """
        {"update_id":\(update),
         "message":{"message_id":7,"from":{"id":1111,"is_bot":false,"first_name":"Ivan"},
          "chat":{"id":-1001234567890,"title":"Club fans","type":"supergroup"},"date":1768212000,"text":"hi all"}}
        """
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
