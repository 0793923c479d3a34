//! The lexer: every token class, gc's semicolon insertion, and literal
//! scanning. (Lexical error messages and positions are checked against
//! gc's own output in syntax_errors.rs.)

use goscope::syntax::token::Tok;
use goscope::syntax::tokenize;

/// The tokens of `src` as `describe()` names them, space-separated, with
/// inserted semicolons as `;nl` / `;eof`.
fn toks(src: &str) -> String {
    let (toks, diags) = tokenize(src.as_bytes());
    assert!(
        diags.is_empty(),
        "unexpected diagnostics for {src:?}: {diags:?}"
    );
    toks.iter()
        .map(|(_, t, _)| match t {
            Tok::Semi(k) => match k.as_str() {
                "newline" => ";nl".to_string(),
                "EOF" => ";eof".to_string(),
                _ => ";".to_string(),
            },
            Tok::Name(s) => format!("name:{s}"),
            other => other.describe(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn errors(src: &str) -> Vec<String> {
    tokenize(src.as_bytes())
        .1
        .into_iter()
        .map(|d| format!("{}: {}", d.pos.0, d.message))
        .collect()
}

#[test]
fn operators_and_punctuation() {
    assert_eq!(
        toks("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( ) [ ] { } , ; . :"),
        "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( ) [ ] { } comma ; . :"
    );
    // `..` is two dots, as in gc.
    assert_eq!(toks("a..b"), "name:a . . name:b ;eof");
}

#[test]
fn keywords_and_names() {
    let kws = "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var";
    assert_eq!(toks(kws), format!("{kws} ;eof").replace("var ;eof", "var"));
    assert_eq!(
        toks("funcx _x x_1 αβ 世界 ǅ"),
        "name:funcx name:_x name:x_1 name:αβ name:世界 name:ǅ ;eof"
    );
}

#[test]
fn literals() {
    let nums = "0 42 0x1F 0X_1f 0o17 0O17 017 0b1010 1_000_000 3.14 .5 1. 1e10 1E-5 0x1p-2 0x1.8p3 1_0.2_5e1_0 2i 0x1Fi 1.5e3i 0i 089.5";
    let want: Vec<String> = nums.split(' ').map(|n| format!("literal {n}")).collect();
    assert_eq!(toks(nums), format!("{} ;eof", want.join(" ")));
    let runes =
        r"'a' 'ä' '\a' '\b' '\f' '\n' '\r' '\t' '\v' '\\' '\'' '\000' '\x7f' '\u12e4' '\U00101234'";
    let want: Vec<String> = runes.split(' ').map(|n| format!("literal {n}")).collect();
    assert_eq!(toks(runes), format!("{} ;eof", want.join(" ")));
    let strs = r#""" "a\"b" "\a\b\f\n\r\t\v\\\"" "\377\xff\u00e9\U0001F600" "日本""#;
    let (t, d) = tokenize(strs.as_bytes());
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(t.len(), 6);
}

#[test]
fn raw_strings_keep_their_text() {
    let (t, d) = tokenize(b"`a\r\nb\\n`");
    assert!(d.is_empty());
    match t[0].1 {
        Tok::Literal(l) => assert_eq!(l.text.as_str(), "`a\r\nb\\n`"),
        other => panic!("not a literal: {other:?}"),
    }
}

#[test]
fn semicolon_insertion() {
    // After names, literals, break continue fallthrough return, ++ --, ) ] }.
    assert_eq!(toks("x\n1\n'a'\n\"s\"\n`r`\nbreak\ncontinue\nfallthrough\nreturn\ni++\ni--\n)\n]\n}\n"),
        "name:x ;nl literal 1 ;nl literal 'a' ;nl literal \"s\" ;nl literal `r` ;nl break ;nl continue ;nl fallthrough ;nl return ;nl name:i ++ ;nl name:i -- ;nl ) ;nl ] ;nl } ;nl");
    // Not after operators, keywords that continue, or opening brackets.
    assert_eq!(
        toks("x +\ny\nfunc\n(\n[\n{\n,\n"),
        "name:x + name:y ;nl func ( [ { comma"
    );
    // A line comment does not hide the newline; a general comment with a
    // newline is a newline; one without is nothing.
    assert_eq!(
        toks("x // c\ny /* c */ z /* a\nb */ w"),
        "name:x ;nl name:y name:z ;nl name:w ;eof"
    );
    // At EOF.
    assert_eq!(toks("return"), "return ;eof");
    assert_eq!(toks("x +"), "name:x +");
    assert_eq!(toks(""), "");
}

#[test]
fn positions_are_byte_offsets() {
    let (t, _) = tokenize("a := \"é\" + b".as_bytes());
    let starts: Vec<u32> = t.iter().map(|(p, _, _)| p.0).collect();
    assert_eq!(starts, vec![0, 2, 5, 10, 12, 13]);
}

#[test]
fn errors_do_not_stop_the_lexer() {
    assert_eq!(
        errors("x := 1 # 2"),
        vec!["7: invalid character U+0023 '#'"]
    );
    assert_eq!(toks_lossy("a $ b"), "name:a name:b ;eof");
    assert_eq!(
        errors("'ab'"),
        vec!["0: more than one character in rune literal"]
    );
    assert_eq!(errors("\"abc"), vec!["0: string not terminated"]);
    assert_eq!(errors("`abc"), vec!["0: string not terminated"]);
    assert_eq!(errors("/* abc"), vec!["0: comment not terminated"]);
    assert_eq!(errors("'\\400'"), vec!["5: octal escape value 256 > 255"]);
    assert_eq!(
        errors("\"\\U00110000\""),
        vec!["11: escape is invalid Unicode code point U+110000"]
    );
    assert_eq!(errors("a\u{0}b"), vec!["1: invalid NUL character"]);
    assert_eq!(errors("\u{feff}x"), Vec::<String>::new());
    assert_eq!(
        errors("x\u{feff}"),
        vec!["1: invalid BOM in the middle of the file"]
    );
    assert_eq!(tokenize(b"x \xff\xfe y").1.len(), 2);
}

fn toks_lossy(src: &str) -> String {
    let (toks, _) = tokenize(src.as_bytes());
    toks.iter()
        .map(|(_, t, _)| match t {
            Tok::Semi(_) => ";eof".to_string(),
            Tok::Name(s) => format!("name:{s}"),
            other => other.describe(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn directives_reach_the_declaration() {
    use goscope::syntax::ast::{Decl, PragmaFlags};
    use goscope::syntax::{parse_file, pos::SourceMap, NodeIdGen};
    let src = b"package p\n\n//go:noinline\n//go:nosplit\nfunc f() {}\n\n//go:notinheap\ntype T struct{}\n\n//go:noinline\nvar v int\n\nfunc g() {\n\t//go:noinline\n\tx := 1\n\t_ = x\n}\n//go:linkname h runtime.h\n";
    let mut map = SourceMap::new();
    let (f, d) = parse_file(&mut map, "p.go", src, &NodeIdGen::new());
    assert!(d.is_empty(), "{d:?}");
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    assert!(
        fd.pragma.flags.has(PragmaFlags::NOINLINE) && fd.pragma.flags.has(PragmaFlags::NOSPLIT)
    );
    assert!(fd.pragma.misplaced.is_empty());
    let Decl::Type(td) = &f.decls[1] else {
        panic!()
    };
    assert!(td.pragma.flags.has(PragmaFlags::NOTINHEAP));
    let Decl::Var(vd) = &f.decls[2] else { panic!() };
    assert_eq!(
        vd.pragma.misplaced.len(),
        1,
        "go:noinline may not stand before a var"
    );
    // The one before a statement and the trailing linkname are the file's.
    assert_eq!(f.pragma.misplaced.len(), 1);
    assert!(f
        .pragma
        .directives
        .iter()
        .any(|(_, t)| t.as_str().starts_with("go:linkname")));
}
