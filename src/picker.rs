//! A select prompt with type-to-filter, for `bec new`'s day picker and the course's choice
//! questions. bec ranks the matches itself (an exact `day1` first, then `day10`…`day19`, then
//! title matches), and never hides the cursor: Esc or Ctrl-C ends the prompt with the terminal
//! as it was (each key is read in raw mode, which is restored after every key).

use std::io;

use console::{Key, Term, measure_text_width, style, truncate_str};

/// Most items shown at once.
const VISIBLE: usize = 10;

/// Asks `prompt` on stderr; `rank(query)` gives the indices of `items` to show, best first.
/// `Ok(None)` when the person pressed Esc or Ctrl-C.
pub fn select(
    prompt: &str,
    items: &[String],
    default: usize,
    rank: &dyn Fn(&str) -> Vec<usize>,
) -> io::Result<Option<usize>> {
    let term = Term::stderr();
    let mut query = String::new();
    let mut matches = rank(&query);
    let mut selected = matches.iter().position(|&i| i == default).unwrap_or(0);
    loop {
        let prompt_line = format!("{} {prompt} › {query}", style("?").yellow());
        term.write_str("\r")?;
        term.clear_to_end_of_screen()?;
        term.write_str(&prompt_line)?;
        let start = selected.saturating_sub(VISIBLE - 1);
        let shown: Vec<usize> = matches.iter().copied().skip(start).take(VISIBLE).collect();
        // one screen line per item, or the cursor arithmetic below is off
        let width = usize::from(term.size().1).saturating_sub(3).max(10);
        for (row, &index) in shown.iter().enumerate() {
            let item = truncate_str(&items[index], width, "…");
            let line = if start + row == selected {
                format!("{} {}", style("❯").cyan(), style(item).cyan())
            } else {
                format!("  {item}")
            };
            term.write_str(&format!("\n{line}"))?;
        }
        let below = if shown.is_empty() {
            term.write_str(&format!("\n  {}", style("(nothing matches: Backspace to edit)").dim()))?;
            1
        } else {
            shown.len()
        };
        // back to the end of the prompt line, where the typing happens
        term.move_cursor_up(below)?;
        term.write_str("\r")?;
        term.move_cursor_right(measure_text_width(&prompt_line))?;
        term.flush()?;

        match term.read_key_raw()? {
            Key::Enter if !matches.is_empty() => {
                let chosen = matches[selected];
                finish(&term, &format!("{} {prompt} · {}", style("✔").green(), items[chosen]))?;
                return Ok(Some(chosen));
            }
            Key::Escape | Key::CtrlC => {
                finish(&term, &format!("{} {prompt}", style("✘").red()))?;
                return Ok(None);
            }
            Key::ArrowUp | Key::BackTab if !matches.is_empty() => {
                selected = (selected + matches.len() - 1) % matches.len();
            }
            Key::ArrowDown | Key::Tab if !matches.is_empty() => {
                selected = (selected + 1) % matches.len();
            }
            Key::Backspace => {
                query.pop();
                matches = rank(&query);
                selected = 0;
            }
            Key::Char(c) if !c.is_control() => {
                query.push(c);
                matches = rank(&query);
                selected = 0;
            }
            _ => {}
        }
    }
}

/// Replaces the prompt and its list by one line.
fn finish(term: &Term, line: &str) -> io::Result<()> {
    term.write_str("\r")?;
    term.clear_to_end_of_screen()?;
    term.write_line(line)?;
    term.flush()
}

/// Items whose text contains every word of the query, in their own order.
pub fn rank_by_words(items: &[String], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            let item = item.to_lowercase();
            words.iter().all(|w| item.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Ranks course days for a query: the day the query names exactly (`1`, `day1`, `day-01`)
/// first, then days whose number starts with those digits (`day1` → 10 to 19), then days whose
/// title has every word of the query.
pub fn rank_days(days: &[(u32, String)], query: &str) -> Vec<usize> {
    let lower = query.trim().to_lowercase();
    if lower.is_empty() {
        return (0..days.len()).collect();
    }
    let digits = lower
        .strip_prefix("day")
        .map(|rest| rest.trim_start_matches(['-', '_', ' ']))
        .unwrap_or(&lower);
    let mut ranked = Vec::new();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let wanted: u32 = digits.parse().unwrap_or(0);
        ranked.extend(days.iter().position(|(n, _)| *n == wanted));
        let prefix = digits.trim_start_matches('0');
        if !prefix.is_empty() {
            ranked
                .extend((0..days.len()).filter(|&i| days[i].0 != wanted && days[i].0.to_string().starts_with(prefix)));
        }
    }
    let texts: Vec<String> = days
        .iter()
        .map(|(n, title)| format!("day{n} day{n:02} day {n} {title}"))
        .collect();
    for index in rank_by_words(&texts, &lower) {
        if !ranked.contains(&index) {
            ranked.push(index);
        }
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days() -> Vec<(u32, String)> {
        (1..=20).map(|n| (n, format!("Title {n}"))).collect()
    }

    fn numbers(days: &[(u32, String)], query: &str) -> Vec<u32> {
        rank_days(days, query).into_iter().map(|i| days[i].0).collect()
    }

    #[test]
    fn an_exact_day_ranks_first() {
        let days = days();
        for query in ["day1", "1", "day01", "Day-1", "day 1"] {
            let ranked = numbers(&days, query);
            assert_eq!(ranked[0], 1, "{query}: {ranked:?}");
            assert_eq!(&ranked[1..11], &[10, 11, 12, 13, 14, 15, 16, 17, 18, 19], "{query}");
        }
        assert_eq!(numbers(&days, "day12")[0], 12);
        assert_eq!(numbers(&days, "day2"), [2, 20]);
    }

    #[test]
    fn words_match_titles_and_nothing_matches_nothing() {
        let days = vec![(1, "Networking basics".to_string()), (2, "REST and HTTP".to_string())];
        assert_eq!(numbers(&days, "http"), [2]);
        assert_eq!(numbers(&days, "basics net"), [1]);
        assert!(numbers(&days, "kubernetes").is_empty());
        assert_eq!(numbers(&days, ""), [1, 2]);
    }
}
