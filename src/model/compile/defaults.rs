//! `[scenario]` (start, horizon, target, voting_opens) and `[defaults]`.

use chrono::{DateTime, FixedOffset};

use super::check::datetime as parse_datetime;
use super::check::{Ck, name_help, name_problem};
use super::{DEADLINE_SLACK_H, MAX_HORIZON_DAYS};
use crate::lang::msg;
use crate::model::Extra;
use crate::model::Sampler;
use crate::scenario::{KeyPath, ScenarioFile};
use crate::time::hours_between;

/// The scenario's clock: time 0, the horizon, and the on-time target.
pub(super) struct Clock<'a> {
    /// Time 0 (none when `scenario.start` is invalid; the error is already recorded).
    pub(super) start: Option<DateTime<FixedOffset>>,
    /// `scenario.start` as written, for messages.
    start_text: &'a str,
    /// Horizon, hours.
    pub(super) horizon: f64,
    /// On-time target.
    pub(super) target: f64,
}

/// Defaults that nodes inherit, and when voting opens.
pub(super) struct Defaults {
    pub(super) station_deadline: Option<f64>,
    pub(super) hub_deadline: Option<f64>,
    pub(super) village_deadline: Option<f64>,
    pub(super) voting_opens: Option<f64>,
    pub(super) handling: Option<Sampler>,
    pub(super) last_mile: Option<Sampler>,
    pub(super) last_mile_extra: Option<Extra>,
    pub(super) load_per_station: Option<f64>,
}

/// Check `[scenario]`: the name, start, horizon and target.
pub(super) fn clock<'a>(ck: &mut Ck, f: &'a ScenarioFile) -> Clock<'a> {
    let sp = KeyPath::root().key("scenario");
    if let Some(problem) = name_problem(&f.scenario.name) {
        ck.err(sp.key("name"), problem, Some(name_help()));
    }
    let start = match parse_datetime(&f.scenario.start) {
        Ok(t) => Some(t),
        Err(m) => {
            ck.err(sp.key("start"), m, None);
            None
        }
    };
    let horizon_days = f.scenario.horizon_days.unwrap_or(30.0);
    if !(horizon_days.is_finite() && horizon_days > 0.0 && horizon_days <= MAX_HORIZON_DAYS) {
        ck.err(
            sp.key("horizon_days"),
            msg!("e101", max = MAX_HORIZON_DAYS, v = horizon_days),
            None,
        );
    }
    let horizon = horizon_days.clamp(0.01, MAX_HORIZON_DAYS) * 24.0;
    if let Some(l) = &f.scenario.language
        && crate::lang::Lang::parse(l).is_none()
    {
        ck.err(
            sp.key("language"),
            msg!("e113", v = l),
            Some(msg!("e113-help")),
        );
    }
    let target = f.scenario.target.unwrap_or(0.95);
    let target = ck.prob(sp.key("target"), target);
    Clock {
        start,
        start_text: &f.scenario.start,
        horizon,
        target,
    }
}

impl Clock<'_> {
    /// A datetime as hours after time 0 (none when absent, or when it or the start is invalid).
    pub(super) fn when(&self, ck: &mut Ck, path: KeyPath, s: &Option<String>) -> Option<f64> {
        let s = s.as_ref()?;
        let start = self.start?;
        match parse_datetime(s) {
            Ok(t) => Some(hours_between(&start, &t)),
            Err(m) => {
                ck.err(path, m, None);
                None
            }
        }
    }

    /// A deadline: a datetime after the start and within the horizon, plus
    /// [`DEADLINE_SLACK_H`].
    pub(super) fn deadline(&self, ck: &mut Ck, path: KeyPath, s: &Option<String>) -> Option<f64> {
        let h = self.when(ck, path.clone(), s)?;
        if h <= 0.0 {
            ck.err(
                path,
                msg!(
                    "e103",
                    v = s.as_deref().unwrap_or(""),
                    start = self.start_text
                ),
                Some(msg!("e103-help")),
            );
        } else if h > self.horizon {
            ck.err(
                path,
                msg!(
                    "e111",
                    v = s.as_deref().unwrap_or(""),
                    days = self.horizon / 24.0,
                    start = self.start_text
                ),
                Some(msg!("e111-help")),
            );
        }
        // An arrival computed exactly at the deadline (a ferry landing at midnight for a
        // midnight deadline) must be on time even when floating-point rounding puts it a
        // fraction of a nanosecond-hour later.
        Some(h + DEADLINE_SLACK_H)
    }
}

/// Check `[defaults]` and `scenario.voting_opens`.
pub(super) fn defaults(ck: &mut Ck, f: &ScenarioFile, clock: &Clock) -> Defaults {
    let dp = KeyPath::root().key("defaults");
    let sp = KeyPath::root().key("scenario");
    let d = &f.defaults;
    let station_deadline = clock.deadline(ck, dp.key("station_deadline"), &d.station_deadline);
    let hub_deadline = clock.deadline(ck, dp.key("hub_deadline"), &d.hub_deadline);
    let voting_opens = clock.deadline(ck, sp.key("voting_opens"), &f.scenario.voting_opens);
    let village_deadline = clock.deadline(ck, dp.key("village_deadline"), &d.village_deadline);
    let handling = ck.opt_dist(dp.key("handling"), &d.handling);
    let last_mile = ck.opt_dist(dp.key("last_mile"), &d.last_mile);
    let last_mile_extra = ck.extra(dp.key("last_mile_extra_delay"), &d.last_mile_extra_delay);
    let load_per_station = d
        .load_per_station
        .map(|v| ck.nonneg(dp.key("load_per_station"), v, "load_per_station"));
    Defaults {
        station_deadline,
        hub_deadline,
        village_deadline,
        voting_opens,
        handling,
        last_mile,
        last_mile_extra,
        load_per_station,
    }
}
