import Testing

@testable import SupportEmail

@Suite("Email text: HTML to text and format=flowed")
struct TextTests {
    @Test("blocks, lists, links, entities; scripts, styles and comments dropped")
    func html() {
        let html = """
            <html><head><style>p{}</style><title>T</title></head><body>
            <h1>Title</h1><p>First &amp; second&nbsp;line<br>next</p>
            <ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>
            <p><a href="https://club.example/x">the page</a>, <a href="https://club.example">club.example</a>,
            <a href="mailto:a@b.c">write</a>, <a href="#top">top</a></p>
            <script type="text/javascript">var x = "<p>not shown</p>";</script>
            <!-- <p>hidden</p> --><p>&#1055;&#x440;&#1080; &euro; &unknown; &lt;tag&gt; 5 < 6</p>
            <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table><img src="x.png" alt="logo">
            </body></html>
            """
        let expected = """
            Title

            First & second line
            next

            - one
            - two
              1. inner

            the page (https://club.example/x), club.example, write, top

            При € &unknown; <tag> 5 < 6

            a b
            c

            [logo]
            """
        #expect(HTMLText.text(fromHTML: html) == expected)
    }

    @Test("blockquotes become > lines; pre keeps its spacing")
    func quotesAndPre() {
        let html =
            "<div>Reply</div><blockquote><div>Old <b>text</b></div><blockquote>older</blockquote></blockquote><pre>a  b\n  c</pre>"
        #expect(HTMLText.text(fromHTML: html) == "Reply\n\n> Old text\n\n> > older\n\na  b\n  c")
    }

    @Test("broken HTML still reads")
    func brokenHTML() {
        #expect(HTMLText.text(fromHTML: "<p>open <b>bold <a href='https://x.example'>link") == "open bold link")
        #expect(HTMLText.text(fromHTML: "<script>never closed") == "")
        #expect(HTMLText.text(fromHTML: "a <!-- unclosed") == "a")
        #expect(HTMLText.text(fromHTML: "<<>>&&;;&#xFFFFFFFF;") == "<<>>&&;;\u{FFFD}")
    }

    @Test("format=flowed joins soft breaks at the same quote depth, keeps the signature line, honours delsp")
    func flowed() {
        let text = "This is \na flowed \nparagraph.\n> quoted \n> too\n>> deeper\n-- \nsig"
        #expect(
            FormatFlowed.unwrap(text, deleteSpace: false)
                == "This is a flowed paragraph.\n> quoted too\n>> deeper\n-- \nsig"
        )
        #expect(FormatFlowed.unwrap("Wrap \nhere", deleteSpace: true) == "Wraphere")
        #expect(FormatFlowed.unwrap(" From stuffed", deleteSpace: false) == "From stuffed")
    }
}
