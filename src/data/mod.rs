//! The site's YAML data (partners, helplines, topics), typed and validated, loaded once for all languages.

pub(crate) mod fields;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::SiteConfig;
use crate::error::{Diagnostic, Error, Result};
use fields::{CountryCode, HttpsUrl, IsoDate, LocalText, PhoneNumber, SafeUrl};

/// The kind of a partner organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PartnerKind {
    /// A UN agency, fund or programme.
    UnAgency,
    /// An intergovernmental organisation outside the UN.
    Intergovernmental,
    /// A body of the European Union.
    EuBody,
    /// A non-governmental organisation.
    Ngo,
    /// A company or industry association.
    Industry,
    /// A network of organisations.
    Network,
}

impl PartnerKind {
    /// All kinds, in the order the partners page groups them.
    pub(crate) const ALL: [PartnerKind; 6] = [
        PartnerKind::UnAgency,
        PartnerKind::Intergovernmental,
        PartnerKind::EuBody,
        PartnerKind::Network,
        PartnerKind::Ngo,
        PartnerKind::Industry,
    ];

    /// The id used in data files and Fluent messages (`partner-kind-<id>`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            PartnerKind::UnAgency => "un-agency",
            PartnerKind::Intergovernmental => "intergovernmental",
            PartnerKind::EuBody => "eu-body",
            PartnerKind::Ngo => "ngo",
            PartnerKind::Industry => "industry",
            PartnerKind::Network => "network",
        }
    }
}

/// A partner organisation (`content/data/partners.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Partner {
    /// A unique id.
    pub(crate) id: String,
    /// Its current name.
    pub(crate) name: String,
    /// Its web address, if it still has one.
    pub(crate) url: Option<SafeUrl>,
    /// What kind of organisation it is.
    pub(crate) kind: PartnerKind,
    /// One line about it, by language code.
    pub(crate) description: BTreeMap<String, String>,
    /// Where it was renamed, merged or closed: a note by language code.
    #[serde(default)]
    pub(crate) note: BTreeMap<String, String>,
    /// Where the entry's facts come from (the shipped data always gives it).
    pub(crate) source: Option<SafeUrl>,
    /// When the facts were taken from `source`.
    pub(crate) retrieved: Option<IsoDate>,
    /// When a person confirmed them with the organisation itself; absent unless someone did.
    pub(crate) verified: Option<IsoDate>,
}

/// An ITU-D region: the finder on the help page groups countries by it, in [`Region::ALL`]'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Region {
    /// Africa.
    Africa,
    /// The Americas.
    Americas,
    /// The Arab States.
    ArabStates,
    /// Asia and the Pacific.
    AsiaPacific,
    /// The Commonwealth of Independent States.
    Cis,
    /// Europe.
    Europe,
}

impl Region {
    /// Every region, in the order the help page lists them.
    pub(crate) const ALL: [Region; 6] = [
        Region::Africa,
        Region::Americas,
        Region::ArabStates,
        Region::AsiaPacific,
        Region::Cis,
        Region::Europe,
    ];

    /// The id used in data files and Fluent messages (`region-<id>`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::Americas => "americas",
            Region::ArabStates => "arab-states",
            Region::AsiaPacific => "asia-pacific",
            Region::Cis => "cis",
            Region::Europe => "europe",
        }
    }
}

/// A child helpline (`content/data/helplines.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Helpline {
    /// ISO 3166-1 alpha-2 country code.
    pub(crate) country: CountryCode,
    /// The ITU-D region the country belongs to.
    pub(crate) region: Region,
    /// The helpline's name, once or by language.
    pub(crate) name: LocalText,
    /// Its phone number, as dialled in the country.
    pub(crate) phone: Option<PhoneNumber>,
    /// The number to text.
    pub(crate) sms: Option<PhoneNumber>,
    /// Its `WhatsApp` link.
    pub(crate) whatsapp: Option<HttpsUrl>,
    /// The address of its chat.
    pub(crate) chat: Option<HttpsUrl>,
    /// Its web address.
    pub(crate) url: Option<SafeUrl>,
    /// Whether contacting it is free of charge (only where the source says so).
    #[serde(default)]
    pub(crate) free: bool,
    /// When it is open, once or by language.
    pub(crate) hours: Option<LocalText>,
    /// The languages it answers in, as language codes.
    #[serde(default)]
    pub(crate) languages: Vec<LanguageCode>,
    /// The page that states the entry's facts.
    pub(crate) source: SafeUrl,
    /// When the facts were taken from `source`.
    pub(crate) retrieved: IsoDate,
    /// When a person confirmed them with the service itself; absent unless someone did.
    pub(crate) verified: Option<IsoDate>,
}

/// A BCP 47 language code in data (`en`, `sw`, `zh-Hant`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub(crate) struct LanguageCode(pub String);

impl<'de> Deserialize<'de> for LanguageCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if fields::is_language_code(&s) {
            Ok(LanguageCode(s))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{s}` is not a language code (such as en, fr or sw)"
            )))
        }
    }
}

/// A topic (`content/data/topics.yaml`); its label is the Fluent message `topic-<id>`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Topic {
    /// The id pages use in `topics:` and the URL segment of its page.
    pub(crate) id: String,
}

/// All of the site's data.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct SiteData {
    /// Partner organisations, in file order.
    pub(crate) partners: Vec<Partner>,
    /// Child helplines, in file order.
    pub(crate) helplines: Vec<Helpline>,
    /// Topics, in file order.
    pub(crate) topics: Vec<Topic>,
}

impl SiteData {
    /// The countries with helplines, each once, in the order of their first entry.
    pub(crate) fn countries(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.helplines.iter().map(|h| h.country.0.as_str()).filter(|c| seen.insert(*c)).collect()
    }

    /// The set of topic ids.
    pub(crate) fn topic_ids(&self) -> HashSet<String> {
        self.topics.iter().map(|t| t.id.clone()).collect()
    }
}

/// Reads `content/data/*.yaml`. Each file is optional; every problem in any of them is reported.
pub(crate) fn load(config: &SiteConfig, root: &Path) -> Result<SiteData> {
    let mut problems = Vec::new();
    let dir = root.join(crate::content::CONTENT_DIR).join(crate::content::DATA_DIR);
    let partners: Vec<Partner> = load_list(root, &dir.join("partners.yaml"), &mut problems)?;
    let helplines: Vec<Helpline> = load_list(root, &dir.join("helplines.yaml"), &mut problems)?;
    let topics: Vec<Topic> = load_list(root, &dir.join("topics.yaml"), &mut problems)?;
    check_partners(config, root, &dir, &partners, &mut problems)?;
    check_regions(root, &dir.join("helplines.yaml"), &helplines, &mut problems)?;
    check_ids(root, &dir.join("topics.yaml"), topics.iter().map(|t| t.id.as_str()), &mut problems)?;
    if problems.is_empty() {
        Ok(SiteData { partners, helplines, topics })
    } else {
        Err(Error::Site(problems))
    }
}

fn load_list<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<T>> {
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let shown = crate::fs::shown(root, path);
    let text = match crate::fs::read_source(path, &shown)? {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            return Ok(Vec::new());
        }
    };
    if text.trim().lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(Vec::new());
    }
    match crate::yaml::parse::<Vec<T>>(&text, &shown, 0) {
        Ok(list) => Ok(list),
        Err(d) => {
            problems.push(d);
            Ok(Vec::new())
        }
    }
}

fn check_partners(
    config: &SiteConfig,
    root: &Path,
    dir: &Path,
    partners: &[Partner],
    problems: &mut Vec<Diagnostic>,
) -> Result<()> {
    let path = dir.join("partners.yaml");
    check_ids(root, &path, partners.iter().map(|p| p.id.as_str()), problems)?;
    for partner in partners {
        if !partner.description.contains_key(&config.default_language) {
            let shown = crate::fs::shown(root, &path);
            let text = crate::fs::read_source(&path, &shown)?.unwrap_or_default();
            let line = crate::yaml::find_line(&text, &format!("id: {}", partner.id), 1);
            problems.push(
                Diagnostic::error(
                    shown,
                    "data",
                    format!(
                        "partner `{}` has no description in `{}`",
                        partner.id, config.default_language
                    ),
                )
                .at(line, None)
                .hint("the default language's description is shown where a translation is missing"),
            );
        }
    }
    Ok(())
}

/// Every entry of a country names the same region, so the country is listed once.
fn check_regions(
    root: &Path,
    path: &Path,
    helplines: &[Helpline],
    problems: &mut Vec<Diagnostic>,
) -> Result<()> {
    let mut first: BTreeMap<&str, Region> = BTreeMap::new();
    let wrong: Vec<(usize, Region)> = helplines
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let region = *first.entry(h.country.0.as_str()).or_insert(h.region);
            (region != h.region).then_some((i, region))
        })
        .collect();
    if wrong.is_empty() {
        return Ok(());
    }
    let shown = crate::fs::shown(root, path);
    let text = crate::fs::read_source(path, &shown)?.unwrap_or_default();
    // Entries are in file order: each entry's line is searched after the previous one's.
    let mut lines = Vec::with_capacity(helplines.len());
    let mut from_line = 1;
    for h in helplines {
        let entry = crate::yaml::find_line(&text, &format!("country: {}", h.country.0), from_line);
        from_line = entry.map_or(from_line, |l| l + 1);
        lines.push(entry);
    }
    for (i, region) in wrong {
        let h = &helplines[i];
        let line = lines[i].and_then(|l| crate::yaml::find_line(&text, "region:", l));
        problems.push(
            Diagnostic::error(
                &shown,
                "data",
                format!(
                    "{} is in `{}` here but in `{}` in an earlier entry",
                    h.country.0,
                    h.region.id(),
                    region.id()
                ),
            )
            .at(line, None)
            .hint("every entry of a country names the same ITU-D region"),
        );
    }
    Ok(())
}

/// Ids must be URL-safe and unique within their file.
fn check_ids<'a>(
    root: &Path,
    path: &Path,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Diagnostic>,
) -> Result<()> {
    let mut seen = HashSet::new();
    let mut text = None;
    for id in ids {
        let bad = if !crate::config::is_id(id) {
            Some(format!("id `{id}` must be lowercase letters, digits and hyphens"))
        } else if !seen.insert(id) {
            Some(format!("id `{id}` is used twice"))
        } else {
            None
        };
        if let Some(message) = bad {
            let shown = crate::fs::shown(root, path);
            if text.is_none() {
                text = Some(crate::fs::read_source(path, &shown)?.unwrap_or_default());
            }
            let lines: Vec<usize> = text
                .iter()
                .filter_map(|t| crate::yaml::find_line(t, &format!("id: {id}"), 1))
                .collect();
            problems
                .push(Diagnostic::error(shown, "data", message).at(lines.first().copied(), None));
        }
    }
    Ok(())
}
