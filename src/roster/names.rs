//! Names as letters write them and as the roster records them, reduced to words that can be
//! compared: folded (case, accents and curly quotes do not count), without titles ("Rep.",
//! "Sen."), suffixes ("Jr.", "III") or punctuation, with nicknames in quotes or brackets
//! ("Jesús \"Chuy\" García", "James (Jim) Moylan") set apart.

use crate::model::Chamber;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A name as a letter writes it, taken apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SignerName {
    /// The words in order, folded, without titles, suffixes and nicknames.
    pub words: Vec<String>,
    /// Words written in quotes or brackets: nicknames.
    pub nicknames: Vec<String>,
    /// The chamber a title says ("Sen." is the Senate, "Rep." and "Del." the House).
    pub chamber_hint: Option<Chamber>,
    /// A generational suffix ("jr", "sr", "ii", "iii", "iv"), which tells a father from a son.
    pub generation: Option<String>,
}

/// Suffixes that are never part of a surname.
const SUFFIXES: [&str; 9] = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "dds"];

/// Titles written before a name, and the chamber each implies.
const TITLES: [(&str, Option<Chamber>); 19] = [
    ("rep", Some(Chamber::House)),
    ("reps", Some(Chamber::House)),
    ("representative", Some(Chamber::House)),
    ("congressman", Some(Chamber::House)),
    ("congresswoman", Some(Chamber::House)),
    ("congressmember", Some(Chamber::House)),
    ("del", Some(Chamber::House)),
    ("delegate", Some(Chamber::House)),
    ("resident", Some(Chamber::House)),
    ("commissioner", Some(Chamber::House)),
    ("sen", Some(Chamber::Senate)),
    ("senator", Some(Chamber::Senate)),
    ("the", None),
    ("hon", None),
    ("honorable", None),
    ("dr", None),
    ("mr", None),
    ("ms", None),
    ("mrs", None),
];

/// Whether `word` (folded, no dots) is a suffix such as "jr" or "iii".
pub(crate) fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word)
}

/// Whether `word` (folded, no dots) says which generation: "jr", "sr", "ii", "iii", "iv".
pub(crate) fn is_generation(word: &str) -> bool {
    matches!(word, "jr" | "sr" | "ii" | "iii" | "iv")
}

/// Splits folded text into words: letters and digits; apostrophes vanish ("o'rourke" is
/// "orourke"), anything else separates.
fn push_words(folded: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else if c == '\'' {
            // An apostrophe joins: O'Rourke and ORourke are one name.
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
}

/// The words of `text`: folded, punctuation gone. For the roster's own name fields.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    push_words(&crate::text::fold(text), &mut out);
    out
}

/// Takes a name as written in a letter apart.
pub(crate) fn parse_signer_name(name: &str) -> SignerName {
    let folded = crate::text::fold(name);
    // Nicknames in quotes or brackets come out first; a bracket that holds a party and
    // state ("(D-CA-32)") is dropped, as it is no part of the name.
    let mut plain = String::with_capacity(folded.len());
    let mut nicknames = Vec::new();
    let mut rest = folded.as_str();
    while let Some(start) = rest.find(['"', '(', '[']) {
        let (before, from) = rest.split_at(start);
        plain.push_str(before);
        plain.push(' ');
        let close = match from.chars().next() {
            Some('(') => ')',
            Some('[') => ']',
            _ => '"',
        };
        let inner = from.get(1..).unwrap_or_default();
        let (quoted, after) = match inner.find(close) {
            Some(end) => (
                inner.get(..end).unwrap_or_default(),
                inner.get(end + 1..).unwrap_or_default(),
            ),
            None => (inner, ""),
        };
        if !quoted.contains(|c: char| c.is_ascii_digit() || c == '-') {
            push_words(quoted, &mut nicknames);
        }
        rest = after;
    }
    plain.push_str(rest);

    // "Pallone, Frank" is Frank Pallone; "Frank Pallone, Jr." is Frank Pallone.
    let mut words = Vec::new();
    let mut generation = None;
    match plain.split_once(',') {
        Some((before, after)) => {
            let mut after_words = Vec::new();
            push_words(after, &mut after_words);
            if after_words.iter().all(|w| is_suffix(w)) {
                generation = after_words.into_iter().find(|w| is_generation(w));
                push_words(before, &mut words);
            } else {
                words = after_words;
                push_words(before, &mut words);
            }
        }
        None => push_words(&plain, &mut words),
    }

    let mut chamber_hint = None;
    let mut skip = 0;
    while let Some(word) = words.get(skip) {
        // "U.S. Rep." and "U.S. Senator".
        if word == "u" && words.get(skip + 1).is_some_and(|w| w == "s") {
            skip += 2;
            continue;
        }
        if word == "us" {
            skip += 1;
            continue;
        }
        let Some((_, chamber)) = TITLES.iter().find(|(title, _)| title == word) else {
            break;
        };
        if chamber.is_some() {
            chamber_hint = *chamber;
        }
        skip += 1;
    }
    // Never strip the whole name: "Del" may be someone's name.
    if skip >= words.len() {
        skip = words.len().saturating_sub(1);
    }
    words.drain(..skip);
    let first_word = words.first().cloned();
    if generation.is_none() {
        generation = words.iter().skip(1).find(|w| is_generation(w)).cloned();
    }
    words.retain(|w| !is_suffix(w));
    if words.is_empty()
        && let Some(word) = first_word
    {
        words.push(word);
    }
    SignerName {
        words,
        nicknames,
        chamber_hint,
        generation,
    }
}

/// Particles that do not make a surname on their own: "de", "van", "la".
const PARTICLES: [&str; 12] = [
    "de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "du",
];

/// A way of writing a member's surname, as the concatenation of its words, and whether it
/// is the whole surname ("vanhollen") or a part of it ("hollen", "hernandez").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SurnameForm {
    pub key: String,
    pub is_whole: bool,
}

/// Every way a letter may write the surname whose words are `surname`: the whole of it,
/// each ending ("Coleman" of "Watson Coleman"), and the first word of a two-part Hispanic
/// surname ("Hernández" of "Hernández Rivera"), but never a particle alone.
pub(crate) fn surname_forms(surname: &[String]) -> Vec<SurnameForm> {
    let mut forms = vec![SurnameForm {
        key: surname.concat(),
        is_whole: true,
    }];
    for start in 1..surname.len() {
        let Some(ending) = surname.get(start..) else {
            continue;
        };
        if ending
            .first()
            .is_some_and(|w| PARTICLES.contains(&w.as_str()))
            && ending.len() == 1
        {
            continue;
        }
        forms.push(SurnameForm {
            key: ending.concat(),
            is_whole: false,
        });
    }
    if surname.len() > 1
        && let Some(first) = surname.first()
        && !PARTICLES.contains(&first.as_str())
    {
        forms.push(SurnameForm {
            key: first.clone(),
            is_whole: false,
        });
    }
    forms.retain(|f| !f.key.is_empty());
    forms.dedup_by(|a, b| a.key == b.key);
    forms
}

/// Groups of names that are one name: the formal name first, then what people are called.
/// Names that begin alike ("Brad", "Bradley") need no entry: see [`same_given_name`].
const NICKNAMES: &[&[&str]] = &[
    &["abraham", "abe"],
    &["albert", "al", "bert"],
    &["alexander", "alex", "al", "sandy"],
    &["alexandra", "alex", "sandra", "sandy"],
    &["alejandro", "alex"],
    &["alfred", "al", "fred"],
    &["alfonso", "al"],
    &["andrew", "andy", "drew"],
    &["anthony", "tony"],
    &["augustus", "gus"],
    &["benjamin", "ben", "benny"],
    &["bernard", "bernie"],
    &["bradley", "brad"],
    &["catherine", "cathy", "kate", "katie", "cat"],
    &["charles", "chuck", "charlie", "chas"],
    &["christopher", "chris", "kit"],
    &["christine", "chris", "christy"],
    &["cynthia", "cindy"],
    &["daniel", "dan", "danny"],
    &["david", "dave"],
    &["deborah", "debbie", "deb", "debra"],
    &["dennis", "denny"],
    &["donald", "don", "donnie"],
    &["douglas", "doug"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["edwin", "ed"],
    &["elizabeth", "liz", "beth", "betsy", "eliza", "betty"],
    &["eugene", "gene"],
    &["francis", "frank"],
    &["franklin", "frank"],
    &["frederick", "fred", "rick"],
    &["gabriel", "gabe"],
    &["gerald", "jerry"],
    &["gregory", "greg"],
    &["gregorio", "greg"],
    &["harold", "hal", "harry"],
    &["henry", "hank", "harry"],
    &["herbert", "herb"],
    &["james", "jim", "jimmy", "jamie"],
    &["janice", "jan"],
    &["janet", "jan"],
    &["jeffrey", "jeff"],
    &["jennifer", "jen", "jenny"],
    &["jerome", "jerry"],
    &["jesus", "chuy"],
    &["john", "jack", "johnny", "jon"],
    &["jonathan", "jon"],
    &["joseph", "joe", "joey"],
    &["joshua", "josh"],
    &["katherine", "kathy", "kate", "katie", "kat"],
    &["kathleen", "kathy", "kate", "katie"],
    &["kenneth", "ken", "kenny"],
    &["kimberly", "kim"],
    &["lawrence", "larry"],
    &["leonard", "len", "leo"],
    &["luis", "lou"],
    &["louis", "lou"],
    &["margaret", "maggie", "meg", "peggy"],
    &["matthew", "matt"],
    &["michael", "mike", "mick"],
    &["mitchell", "mitch"],
    &["nicholas", "nick"],
    &["nicolas", "nick"],
    &["nicole", "nikki"],
    &["patricia", "pat", "patty", "trish"],
    &["patrick", "pat"],
    &["peter", "pete"],
    &["philip", "phil"],
    &["phillip", "phil"],
    &["randall", "randy"],
    &["raymond", "ray"],
    &["rebecca", "becky", "becca"],
    &["richard", "rick", "rich", "dick", "richie"],
    &["robert", "bob", "bobby", "rob", "robbie", "bert"],
    &["ronald", "ron", "ronnie", "ronny"],
    &["russell", "russ"],
    &["samuel", "sam"],
    &["stephen", "steve"],
    &["steven", "steve"],
    &["susan", "susie", "sue"],
    &["suzanne", "suzy", "susie"],
    &["terrence", "terry"],
    &["theodore", "ted", "teddy"],
    &["thomas", "tom", "tommy"],
    &["timothy", "tim"],
    &["valerie", "val"],
    &["vincent", "vince"],
    &["william", "bill", "billy", "will", "willie"],
    &["zachary", "zach", "zack"],
];

/// For each name in [`NICKNAMES`], the groups it is in.
static NICKNAME_GROUPS: LazyLock<HashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut groups: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (group, names) in NICKNAMES.iter().enumerate() {
        for name in *names {
            groups.entry(name).or_default().push(group);
        }
    }
    groups
});

/// Whether two given names (folded words of two letters or more) can name the same person:
/// the same, one the start of the other ("Brad" and "Bradley", three letters at least), or
/// a nickname and its formal name ("Jim" and "James", "Chuy" and "Jesús").
pub(crate) fn same_given_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 3 && long.starts_with(short) {
        return true;
    }
    let groups = &*NICKNAME_GROUPS;
    match (groups.get(a), groups.get(b)) {
        (Some(left), Some(right)) => left.iter().any(|g| right.contains(g)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(name: &str) -> Vec<String> {
        parse_signer_name(name).words
    }

    #[test]
    fn titles_suffixes_and_nicknames_come_off() {
        assert_eq!(words_of("Rep. Frank Pallone, Jr."), ["frank", "pallone"]);
        assert_eq!(
            parse_signer_name("Rep. Frank Pallone, Jr.")
                .generation
                .as_deref(),
            Some("jr")
        );
        assert_eq!(
            parse_signer_name("Nicholas J. Begich III")
                .generation
                .as_deref(),
            Some("iii")
        );
        assert_eq!(parse_signer_name("Ed Case").generation, None);
        assert_eq!(words_of("Pallone, Frank"), ["frank", "pallone"]);
        assert_eq!(
            words_of("U.S. Sen. Chris Van Hollen"),
            ["chris", "van", "hollen"]
        );
        let chuy = parse_signer_name("Jesús G. “Chuy” García");
        assert_eq!(chuy.words, ["jesus", "g", "garcia"]);
        assert_eq!(chuy.nicknames, ["chuy"]);
        assert_eq!(chuy.chamber_hint, None);
        let moylan = parse_signer_name("Del. James (Jim) Moylan");
        assert_eq!(moylan.words, ["james", "moylan"]);
        assert_eq!(moylan.nicknames, ["jim"]);
        assert_eq!(moylan.chamber_hint, Some(Chamber::House));
        assert_eq!(
            parse_signer_name("Senator Tim Kaine").chamber_hint,
            Some(Chamber::Senate)
        );
        assert_eq!(words_of("Brad Sherman (D-CA-32)"), ["brad", "sherman"]);
        assert_eq!(words_of("Beto O’Rourke"), ["beto", "orourke"]);
        assert_eq!(words_of("Cindy Hyde-Smith"), ["cindy", "hyde", "smith"]);
        assert_eq!(words_of("Del"), ["del"]);
    }

    #[test]
    fn surname_forms_keep_particles_with_their_names() {
        let keys = |surname: &str| -> Vec<(String, bool)> {
            surname_forms(&words(surname))
                .into_iter()
                .map(|f| (f.key, f.is_whole))
                .collect()
        };
        assert_eq!(
            keys("Van Hollen"),
            [("vanhollen".into(), true), ("hollen".into(), false)]
        );
        assert_eq!(
            keys("Hernández Rivera"),
            [
                ("hernandezrivera".into(), true),
                ("rivera".into(), false),
                ("hernandez".into(), false)
            ]
        );
        assert_eq!(
            keys("De La Cruz"),
            [
                ("delacruz".into(), true),
                ("lacruz".into(), false),
                ("cruz".into(), false)
            ]
        );
        assert_eq!(keys("Sánchez"), [("sanchez".into(), true)]);
    }

    #[test]
    fn given_names_and_nicknames() {
        for (a, b) in [
            ("jim", "james"),
            ("jan", "janice"),
            ("brad", "bradley"),
            ("mike", "michael"),
            ("chuy", "jesus"),
            ("bobby", "robert"),
            ("chris", "christopher"),
        ] {
            assert!(same_given_name(a, b), "{a} and {b}");
            assert!(same_given_name(b, a), "{b} and {a}");
        }
        for (a, b) in [
            ("mike", "mark"),
            ("jim", "john"),
            ("al", "alan"),
            ("jo", "john"),
        ] {
            assert!(!same_given_name(a, b), "{a} and {b}");
        }
    }
}
