//! The fixed English answers of the plan (`plan.csv`'s `status`, what binds a kecamatan) in
//! the run's language, for the terminal and `results.xlsx`. The CSV keeps the English.

use crate::lang::{Lang, format, t};

/// A plan row's answer in `lang` (the row's `status` is the English of `plan.csv`).
pub fn plan_status(lang: Lang, status: &str) -> String {
    if status.starts_with("not reachable") {
        t!(lang, "plan-status-unreachable")
    } else if status.starts_with("as soon") {
        t!(lang, "plan-status-asap")
    } else if status.starts_with("latest safe") {
        t!(lang, "plan-status-latest")
    } else if status.starts_with("leave") {
        // As of a time: "leave now; even so P = 0.943 [0.931, 0.952], below the target: …"
        let p = status
            .split_once("P = ")
            .and_then(|(_, r)| r.split_once(", below"))
            .map_or("", |(p, _)| p);
        if status.starts_with("leave now") {
            t!(lang, "plan-status-leave-now", p = p)
        } else {
            t!(lang, "plan-status-leave-when-ready", p = p)
        }
    } else if status.starts_with("no TPS deadline") {
        t!(lang, "plan-status-no-deadline")
    } else {
        status.to_string()
    }
}

/// What binds a kecamatan no dispatch time brings to the target, in `lang`: the English of
/// `plan.csv` ("travel (62% of the late hours in the replications no dispatch time saves);
/// most often critical: LINK") read back into its parts.
pub fn binds_words(lang: Lang, binds: &str) -> String {
    let (head, link) = match binds.split_once("; most often critical: ") {
        Some((h, l)) => (h, Some(l)),
        None => (binds, None),
    };
    let why = match head.split_once(" (") {
        Some((cause, rest)) if crate::model::CAUSES.contains(&cause) => {
            let share = rest.split('%').next().unwrap_or_default();
            let share = share
                .parse::<f64>()
                .map(|x| format::percent(lang, x / 100.0))
                .unwrap_or_else(|_| format!("{share}%"));
            t!(
                lang,
                "plan-binds",
                cause = crate::lang::cause(lang, cause),
                share = share
            )
        }
        _ if head == "the legs below the dispatch" => t!(lang, "plan-binds-legs"),
        _ => head.to_string(),
    };
    match link {
        Some(l) => t!(lang, "plan-binds-link", why = why, link = l),
        None => why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plans_answers_read_in_both_languages() {
        for s in [
            "latest safe dispatch",
            "as soon as the materials are ready",
            "no TPS deadline below",
            "not reachable by dispatch: travel (62% of the late hours)",
        ] {
            assert_ne!(plan_status(Lang::Id, s), s);
        }
        assert_eq!(
            plan_status(Lang::Id, "as soon as the materials are ready"),
            "segera setelah logistik siap"
        );
        let b = "travel (62% of the late hours in the replications no dispatch time saves); most often critical: Ro-Ro X";
        assert_eq!(
            binds_words(Lang::Id, b),
            "waktu tempuh (62% dari jam keterlambatan pada simulasi yang tidak tertolong oleh jadwal mana pun); paling sering menentukan: Ro-Ro X"
        );
        assert_eq!(
            binds_words(Lang::Id, "the legs below the dispatch"),
            "perjalanan di bawah titik berangkat"
        );
        // Text it does not know stays as it is.
        assert_eq!(binds_words(Lang::Id, "something else"), "something else");
    }
}
