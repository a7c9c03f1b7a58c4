//! A ledger file as sheets of cells, whatever made it: `.xlsx`, `.xls`, `.ods` through calamine
//! (merged cells filled from their first cell), `.csv` in UTF-8 or the GBK/GB18030 Excel saves
//! on a Chinese Windows.

use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto};

use crate::domain::Date;

/// One cell as the ledger holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl Value {
    /// The cell as a person reads it: for header words, ids and titles.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_owned(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

pub struct Sheet {
    pub name: String,
    /// Rows from the sheet's first row, each from column A: row `i` is the sheet's row `i + 1`.
    pub rows: Vec<Vec<Value>>,
}

/// Why a ledger could not be read; the words are chosen by the caller.
#[derive(Debug)]
pub enum ReadError {
    /// Not a kind of file this reads: the extension found.
    Kind(String),
    Io(std::io::Error),
    /// The spreadsheet reader's own words.
    Sheet(String),
    /// `--encoding` names no encoding.
    Encoding(String),
    NoSuchSheet {
        name: String,
        have: Vec<String>,
    },
}

/// The sheets of `path` (only `sheet` when given). `encoding` is for a CSV file: its label
/// (`gbk`, `utf-8`); without it, UTF-8 when the bytes are UTF-8, else GB18030.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    encoding: Option<&str>,
) -> Result<Vec<Sheet>, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(ReadError::Io)?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(vec![Sheet {
                name,
                rows: csv_rows(&bytes, encoding)?,
            }])
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => workbook(path, sheet),
        _ => Err(ReadError::Kind(ext)),
    }
}

fn workbook(path: &Path, only: Option<&str>) -> Result<Vec<Sheet>, ReadError> {
    let mut wb = open_workbook_auto(path).map_err(|e| ReadError::Sheet(e.to_string()))?;
    let names = wb.sheet_names();
    let wanted: Vec<String> = match only {
        Some(s) if names.iter().any(|n| n == s) => vec![s.to_owned()],
        Some(s) => {
            return Err(ReadError::NoSuchSheet {
                name: s.to_owned(),
                have: names,
            });
        }
        None => names,
    };
    let mut sheets = Vec::new();
    for name in wanted {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| ReadError::Sheet(e.to_string()))?;
        // The range starts at its first used cell; rows and columns count from A1.
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Value>> = vec![Vec::new(); r0 as usize];
        for row in range.rows() {
            let mut cells = vec![Value::Empty; c0 as usize];
            cells.extend(row.iter().map(value));
            rows.push(cells);
        }
        for (top, left, bottom, right) in merged(&mut wb, &name) {
            fill_merged(&mut rows, (top, left), (bottom, right));
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// The merged regions of a sheet as (top, left, bottom, right), where the format keeps them;
/// an ODS file's are not read, and a blank program cell is filled down anyway.
fn merged<RS: std::io::Read + std::io::Seek>(
    wb: &mut Sheets<RS>,
    name: &str,
) -> Vec<(usize, usize, usize, usize)> {
    let dims = match wb {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.iter()
        .map(|d| {
            (
                d.start.0 as usize,
                d.start.1 as usize,
                d.end.0 as usize,
                d.end.1 as usize,
            )
        })
        .collect()
}

/// Every cell of a merged region holds its first cell's value, as the eye reads it.
pub fn fill_merged(
    rows: &mut [Vec<Value>],
    (top, left): (usize, usize),
    (bottom, right): (usize, usize),
) {
    let Some(first) = rows.get(top).and_then(|r| r.get(left)).cloned() else {
        return;
    };
    for r in top..=bottom.min(rows.len().saturating_sub(1)) {
        let row = &mut rows[r];
        if row.len() <= right {
            row.resize(right + 1, Value::Empty);
        }
        for cell in &mut row[left..=right] {
            if cell.is_empty() {
                *cell = first.clone();
            }
        }
    }
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty | Data::Error(_) => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(if *b { "是" } else { "否" }.to_owned()),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            Date::from_ymd(i32::from(y), u32::from(m), u32::from(day))
                .map_or(Value::Number(dt.as_f64()), Value::Date)
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(Date::parse)
            .map_or_else(|| Value::Text(s.clone()), Value::Date),
        Data::DurationIso(s) => Value::Text(s.clone()),
    }
}

/// A CSV file's text: a BOM says UTF-8; else UTF-8 when the bytes are, else GB18030 (a superset
/// of the GBK Excel writes on a Chinese Windows); or the encoding the user names.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<String, ReadError> {
    if let Some(label) = label {
        let enc = encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| ReadError::Encoding(label.to_owned()))?;
        return Ok(enc.decode_with_bom_removal(bytes).0.into_owned());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => Ok(encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
    }
}

fn csv_rows(bytes: &[u8], encoding: Option<&str>) -> Result<Vec<Vec<Value>>, ReadError> {
    let text = decode(bytes, encoding)?;
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| ReadError::Sheet(e.to_string()))?;
        rows.push(
            rec.iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(s.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_its_mark_and_gbk_all_read_as_the_same_text() {
        let text = "整改措施,责任单位\n清理涉诈账户,刑侦局\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(text.as_bytes(), None).unwrap(), text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, None).unwrap(), text);
        assert_eq!(decode(&gbk, None).unwrap(), text);
        assert_eq!(decode(&gbk, Some("gbk")).unwrap(), text);
        assert!(matches!(
            decode(&gbk, Some("klingon")),
            Err(ReadError::Encoding(_))
        ));
    }

    #[test]
    fn a_merged_region_fills_from_its_first_cell_and_keeps_what_is_written() {
        let t = |s: &str| Value::Text(s.to_owned());
        let mut rows = vec![
            vec![t("反诈"), t("a")],
            vec![Value::Empty, t("b")],
            vec![Value::Empty],
            vec![Value::Empty, t("d")],
        ];
        fill_merged(&mut rows, (0, 0), (2, 0));
        assert_eq!(rows[1][0], t("反诈"));
        assert_eq!(rows[2][0], t("反诈"));
        assert_eq!(rows[3][0], Value::Empty, "below the region stays blank");
        fill_merged(&mut rows, (0, 1), (1, 1));
        assert_eq!(rows[1][1], t("b"), "a written cell is never overwritten");
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(Value::Number(3.0).text(), "3");
        assert_eq!(Value::Number(0.5).text(), "0.5");
        assert_eq!(Value::Text(" 刑侦局 ".into()).text(), "刑侦局");
    }
}
