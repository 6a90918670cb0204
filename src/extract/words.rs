//! The words the finder knows: titles before names, the pieces of names (particles,
//! suffixes), capitalised words that are never names, and the phrases that say who led a
//! letter, who joined it, and who was only written to or quoted. All folded: lower case,
//! no accents, no dots.

use crate::model::Chamber;

/// A title written before a member's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TitleWord {
    /// House or Senate, when the title says.
    pub chamber: Option<Chamber>,
    /// "Reps.", "Senators": the title of a whole list.
    pub plural: bool,
}

/// Titles of members, folded, with the chamber and whether they head a list.
pub(crate) fn member_title(folded: &str) -> Option<TitleWord> {
    let (chamber, plural) = match folded {
        "rep" | "representative" | "congressman" | "congresswoman" | "congressmember"
        | "delegate" | "del" => (Some(Chamber::House), false),
        "reps" | "representatives" | "congressmen" | "congresswomen" | "congressmembers"
        | "delegates" => (Some(Chamber::House), true),
        "sen" | "senator" => (Some(Chamber::Senate), false),
        "sens" | "senators" => (Some(Chamber::Senate), true),
        "dr" | "mr" | "mrs" | "ms" | "hon" | "honorable" => (None, false),
        _ => return None,
    };
    Some(TitleWord { chamber, plural })
}

/// Lower-case words that may sit inside a name: "Mónica de la Cruz", "Chris Van Hollen".
pub(crate) fn is_particle(folded: &str) -> bool {
    matches!(
        folded,
        "de" | "del"
            | "della"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "dos"
            | "das"
            | "bin"
            | "ibn"
            | "y"
            | "ten"
            | "ter"
    )
}

/// Suffixes written after a name as one word: "Jr.", "III", "Esq.".
pub(crate) fn is_suffix_word(folded: &str) -> bool {
    matches!(
        folded,
        "jr" | "sr" | "ii" | "iii" | "iv" | "esq" | "phd" | "md" | "dds" | "dvm" | "mba" | "cpa"
    )
}

/// Words that begin a sentence or name a body, a place or an office, and so are never part
/// of a member's name even when capitalised.
pub(crate) fn is_stopword(folded: &str) -> bool {
    matches!(
        folded,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "also"
            | "both"
            | "all"
            | "in"
            | "on"
            | "at"
            | "for"
            | "of"
            | "as"
            | "with"
            | "by"
            | "from"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "where"
            | "which"
            | "who"
            | "what"
            | "why"
            | "how"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "if"
            | "then"
            | "we"
            | "our"
            | "they"
            | "their"
            | "he"
            | "she"
            | "his"
            | "her"
            | "it"
            | "its"
            | "you"
            | "your"
            | "i"
            | "my"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "now"
            | "here"
            | "there"
            | "joining"
            | "joined"
            | "led"
            | "leading"
            | "signing"
            | "signed"
            | "signers"
            | "signatories"
            | "cosigners"
            | "co-signers"
            | "sincerely"
            | "respectfully"
            | "dear"
            | "congress"
            | "congressional"
            | "caucus"
            | "committee"
            | "subcommittee"
            | "house"
            | "senate"
            | "democrats"
            | "republicans"
            | "democratic"
            | "republican"
            | "independent"
            | "bipartisan"
            | "american"
            | "americans"
            | "united"
            | "states"
            | "state"
            | "department"
            | "national"
            | "security"
            | "council"
            | "office"
            | "federal"
            | "administration"
            | "government"
            | "letter"
            | "press"
            | "release"
            | "statement"
            | "news"
            | "contact"
            | "media"
            | "immediate"
            | "washington"
            | "dc"
            | "members"
            | "member"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "chairs"
            | "co-chair"
            | "co-chairs"
            | "cochair"
            | "cochairs"
            | "vice"
            | "ranking"
            | "leader"
            | "leaders"
            | "whip"
            | "speaker"
            | "majority"
            | "minority"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "read"
            | "click"
            | "more"
            | "follow"
            | "subject"
            | "re"
            | "date"
            | "cc"
    ) || is_office_title(folded)
}

/// Titles of people who are not members of Congress: a name after one of these is a
/// recipient's, a staffer's or an advocate's.
pub(crate) fn is_office_title(folded: &str) -> bool {
    matches!(
        folded,
        "secretary"
            | "director"
            | "president"
            | "ambassador"
            | "administrator"
            | "advisor"
            | "adviser"
            | "governor"
            | "gov"
            | "mayor"
            | "minister"
            | "chancellor"
            | "chief"
            | "commissioner"
            | "attorney"
            | "general"
            | "judge"
            | "ceo"
            | "founder"
            | "executive"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "officer"
            | "coordinator"
            | "envoy"
            | "counsel"
            | "professor"
            | "prof"
            | "chairperson"
            | "staff"
            | "archbishop"
            | "reverend"
            | "rev"
    )
}

/// Words that may sit between two names of one list besides separators: the titles of a
/// member's post ("and Ranking Member Rosa DeLauro").
pub(crate) fn is_post_word(folded: &str) -> bool {
    matches!(
        folded,
        "chairman"
            | "chairwoman"
            | "chair"
            | "co-chair"
            | "cochair"
            | "vice"
            | "ranking"
            | "member"
            | "leader"
            | "whip"
            | "speaker"
            | "majority"
            | "minority"
            | "caucus"
            | "committee"
            | "subcommittee"
    )
}

/// Words allowed between a cue and the list it speaks of, for cues that must be next to
/// their list ("leaders Frank Pallone", "said ANCA Executive Director Aram Hamparian").
pub(crate) fn is_filler(folded: &str) -> bool {
    matches!(
        folded,
        "of" | "the"
            | "and"
            | "for"
            | "on"
            | "following"
            | "members"
            | "member"
            | "colleagues"
            | "lawmakers"
            | "other"
            | "fellow"
            | "their"
            | "bipartisan"
            | "s"
    )
}

/// Words after which a dot does not end a sentence.
pub(crate) fn is_abbreviation(folded: &str) -> bool {
    folded.chars().count() == 1
        || matches!(
            folded,
            "rep"
                | "reps"
                | "sen"
                | "sens"
                | "dr"
                | "mr"
                | "mrs"
                | "ms"
                | "jr"
                | "sr"
                | "st"
                | "hon"
                | "gov"
                | "lt"
                | "gen"
                | "sec"
                | "del"
                | "mt"
                | "ft"
                | "no"
                | "vs"
                | "ph"
        )
}

/// What a cue says of the list it goes with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CueKind {
    /// The list leads the letter: "led by", "leaders", "joining" (those joined lead).
    Lead,
    /// The list signed it with others: "joined by", "co-signing", "signed by".
    Cosigner,
    /// The list is written to: "to", "urging", "calling on", "Dear".
    Recipient,
    /// The list is quoted: "said", "added".
    Quoted,
    /// The list did not sign: "did not sign", "declined to sign".
    Negative,
}

/// A phrase that says what a list is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    pub words: &'static [&'static str],
    pub kind: CueKind,
    /// Only titles and filler words may stand between the cue and its list.
    pub is_adjacent: bool,
    /// The cue does not count when this word follows it ("signed" but not "signed by").
    pub not_before: Option<&'static str>,
}

const fn cue(words: &'static [&'static str], kind: CueKind, is_adjacent: bool) -> Cue {
    Cue {
        words,
        kind,
        is_adjacent,
        not_before: None,
    }
}

const fn cue_not_by(words: &'static [&'static str], kind: CueKind) -> Cue {
    Cue {
        words,
        kind,
        is_adjacent: false,
        not_before: Some("by"),
    }
}

use CueKind::{Cosigner, Lead, Negative, Quoted, Recipient};

/// Cues written before a list.
pub(crate) static CUES_BEFORE: &[Cue] = &[
    cue(&["led", "by"], Lead, false),
    cue(&["co-led", "by"], Lead, false),
    cue(&["co-lead", "by"], Lead, false),
    cue(&["colead", "by"], Lead, false),
    cue(&["spearheaded", "by"], Lead, false),
    cue(&["authored", "by"], Lead, false),
    cue(&["headed", "by"], Lead, false),
    cue(&["introduced", "by"], Lead, false),
    cue(&["organized", "by"], Lead, false),
    cue(&["leaders"], Lead, true),
    cue(&["co-leaders"], Lead, true),
    cue(&["leads"], Lead, true),
    cue(&["co-leads"], Lead, true),
    cue(&["lead", "signers"], Lead, true),
    cue(&["lead", "signer"], Lead, true),
    cue(&["lead", "sponsors"], Lead, true),
    cue(&["lead", "authors"], Lead, true),
    cue(&["co-chairs"], Lead, true),
    cue(&["cochairs"], Lead, true),
    cue(&["co-chair"], Lead, true),
    cue(&["co-chairman"], Lead, true),
    cue(&["co-chairwoman"], Lead, true),
    cue(&["joining"], Lead, true),
    cue(&["joined", "by"], Cosigner, false),
    cue(&["co-signed", "by"], Cosigner, false),
    cue(&["cosigned", "by"], Cosigner, false),
    cue(&["signed", "by"], Cosigner, false),
    cue(&["co-signing"], Cosigner, false),
    cue(&["cosigning"], Cosigner, false),
    cue(&["signing"], Cosigner, false),
    cue(&["signers"], Cosigner, true),
    cue(&["signatories"], Cosigner, true),
    cue(&["cosigners"], Cosigner, true),
    cue(&["co-signers"], Cosigner, true),
    cue(&["cosignatories"], Cosigner, true),
    cue(&["co-signatories"], Cosigner, true),
    cue(&["cosponsors"], Cosigner, true),
    cue(&["co-sponsors"], Cosigner, true),
    cue(&["signed"], Cosigner, true),
    cue(&["sincerely"], Cosigner, true),
    cue(&["including"], Cosigner, true),
    cue(&["include"], Cosigner, true),
    cue(&["includes"], Cosigner, true),
    cue(&["included"], Cosigner, true),
    cue(&["along", "with"], Cosigner, true),
    cue(&["to"], Recipient, true),
    cue(&["urging"], Recipient, true),
    cue(&["urged"], Recipient, true),
    cue(&["urge"], Recipient, true),
    cue(&["urges"], Recipient, true),
    cue(&["calling", "on"], Recipient, true),
    cue(&["called", "on"], Recipient, true),
    cue(&["calls", "on"], Recipient, true),
    cue(&["call", "on"], Recipient, true),
    cue(&["asking"], Recipient, true),
    cue(&["asked"], Recipient, true),
    cue(&["asks"], Recipient, true),
    cue(&["thanked"], Recipient, true),
    cue(&["thanking"], Recipient, true),
    cue(&["thank"], Recipient, true),
    cue(&["thanks"], Recipient, true),
    cue(&["praised"], Recipient, true),
    cue(&["commended"], Recipient, true),
    cue(&["dear"], Recipient, true),
    cue(&["cc"], Recipient, true),
    cue(&["said"], Quoted, true),
    cue(&["says"], Quoted, true),
    cue(&["added"], Quoted, true),
    cue(&["stated"], Quoted, true),
    cue(&["noted"], Quoted, true),
    cue(&["explained"], Quoted, true),
    cue(&["remarked"], Quoted, true),
    cue(&["according", "to"], Quoted, true),
];

/// Cues written after a list, in the same sentence.
pub(crate) static CUES_AFTER: &[Cue] = &[
    cue(&["who", "led"], Lead, false),
    cue(&["who", "co-led"], Lead, false),
    cue(&["who", "signed"], Cosigner, false),
    cue(&["who", "co-signed"], Cosigner, false),
    cue(&["who", "also", "signed"], Cosigner, false),
    cue(&["did", "not", "sign"], Negative, false),
    cue(&["does", "not", "sign"], Negative, false),
    cue(&["declined", "to", "sign"], Negative, false),
    cue(&["refused", "to", "sign"], Negative, false),
    cue(&["has", "not", "signed"], Negative, false),
    cue(&["have", "not", "signed"], Negative, false),
    cue(&["not", "signing"], Negative, false),
    cue(&["were", "joined", "by"], Lead, false),
    cue(&["was", "joined", "by"], Lead, false),
    cue(&["joined", "by"], Lead, false),
    cue(&["led"], Lead, false),
    cue(&["co-led"], Lead, false),
    cue(&["lead"], Lead, false),
    cue(&["are", "leading"], Lead, false),
    cue(&["is", "leading"], Lead, false),
    cue(&["spearheaded"], Lead, false),
    cue(&["authored"], Lead, false),
    cue(&["organized"], Lead, false),
    cue(&["also", "signed"], Cosigner, false),
    cue(&["also", "joined"], Cosigner, false),
    cue(&["added", "their", "names"], Cosigner, false),
    cue(&["signed", "on"], Cosigner, false),
    cue_not_by(&["signed"], Cosigner),
    cue_not_by(&["co-signed"], Cosigner),
    cue_not_by(&["cosigned"], Cosigner),
    cue_not_by(&["joined"], Cosigner),
    cue(&["said"], Quoted, false),
    cue(&["says"], Quoted, false),
    cue(&["stated"], Quoted, false),
];

/// Words of a document that say it is about the House, or about the Senate.
pub(crate) fn chamber_word(folded: &str) -> Option<Chamber> {
    match folded {
        "rep" | "reps" | "representative" | "representatives" | "congressman" | "congresswoman"
        | "congressmen" | "congresswomen" | "congressmember" | "congressmembers" => {
            Some(Chamber::House)
        }
        "sen" | "sens" | "senator" | "senators" | "senate" => Some(Chamber::Senate),
        _ => None,
    }
}

/// The months, folded, as written in full or short (with or without a dot).
pub(crate) fn month(folded: &str) -> Option<u8> {
    Some(match folded {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}
