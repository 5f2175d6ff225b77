//! Reading a SQLite file as another reader would, without urna.

#![allow(dead_code)] // each test uses the helpers it needs

use rusqlite::Connection;
use rusqlite::types::FromSql;

/// The first column of every row `sql` selects, in order.
pub fn column<T: FromSql>(db: &Connection, sql: &str) -> Vec<T> {
    db.prepare(sql)
        .expect("prepare the query")
        .query_map([], |r| r.get(0))
        .expect("run the query")
        .collect::<Result<_, _>>()
        .expect("read the rows")
}
