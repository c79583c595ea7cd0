/// The console's one stylesheet, served at `/console/style.css` (the pages carry no inline style).
enum ConsoleStyle {
    /// The CSS.
    static let css = """
        :root { --ink: #1d232b; --muted: #55606e; --line: #c9d1db; --accent: #0b5cad; --note: #fff4d6;
          --note-line: #b58500; --bad: #a4161a; --good: #1f6f43; font-family: system-ui, sans-serif; }
        body { margin: 0; color: var(--ink); background: #f6f8fa; line-height: 1.45; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
        .top { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; background: #fff;
          border-bottom: 1px solid var(--line); flex-wrap: wrap; }
        .brand { font-weight: 700; margin: 0; }
        .viewer { margin: 0 0 0 auto; color: var(--muted); }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f6; font-weight: 600; }
        section > h2:first-child { margin-top: 0; }
        caption { text-align: left; padding: .3rem 0; }
        section, .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem;
          margin: .8rem 0; }
        .columns { display: grid; grid-template-columns: 2fr 1fr; gap: 1.2rem; }
        @media (max-width: 800px) { .columns { grid-template-columns: 1fr; } }
        form.stack { display: grid; gap: .35rem; max-width: 36rem; }
        form.row { display: flex; gap: .6rem; align-items: end; flex-wrap: wrap; }
        form.row > div { display: grid; gap: .2rem; }
        form.inline { display: inline; margin: 0; }
        label { font-weight: 600; }
        input, select, textarea, button { font: inherit; padding: .35rem .5rem; border: 1px solid #8a96a3;
          border-radius: 4px; }
        textarea { min-height: 5rem; width: 100%; box-sizing: border-box; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        button.quiet { background: #fff; color: var(--accent); }
        button.decline { background: #fff; color: var(--bad); border-color: var(--bad); }
        .message { border-left: 4px solid var(--line); padding: .4rem .8rem; margin: .6rem 0; background: #fff; }
        .message.member { border-left-color: var(--accent); }
        .message.reply { border-left-color: var(--good); }
        .message.note { border-left-color: var(--note-line); background: var(--note); }
        .message .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .2rem; }
        .note-label { font-weight: 700; color: #6b4e00; text-transform: uppercase; font-size: .8rem;
          letter-spacing: .05em; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; background: #e3e8ee; font-size: .85rem; }
        .status-new, .status-open { background: #dbeafe; }
        .status-solved, .status-closed { background: #dcfce7; }
        .priority-urgent, .priority-high { color: var(--bad); font-weight: 600; }
        .overdue { color: var(--bad); font-weight: 600; }
        .problem { color: var(--bad); font-weight: 600; }
        .muted { color: var(--muted); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        ul.plain { list-style: none; padding: 0; margin: 0; }
        ul.plain li { padding: .3rem 0; border-bottom: 1px solid var(--line); }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .8rem; }
        .figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
        .figure strong { display: block; font-size: 1.4rem; }
        """
}
