package sqlite_test

import (
	"database/sql"
	"os"
	"testing"
	"time"
)

func TestZZRaw(t *testing.T) {
	path := os.Getenv("ZZDB")
	if path == "" {
		t.Skip()
	}
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"talks"' ORDER BY rank LIMIT 42`,
		`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"talks"'`,
		`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"talks"' LIMIT 42`,
		`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"talks"' ORDER BY rowid DESC LIMIT 42`,
		`SELECT e.rowid FROM events e JOIN articles a ON a.aid = e.aid WHERE a.story = a.aid ORDER BY e.day DESC, e.rowid DESC LIMIT 21`,
		`SELECT e.rowid FROM events e JOIN articles a ON a.aid = e.aid WHERE e.root = '19' AND a.story = a.aid ORDER BY e.day DESC, e.rowid DESC LIMIT 21 OFFSET 40`,
		`SELECT q.rowid FROM articles a CROSS JOIN quotes q ON q.aid = a.aid WHERE a.story = a.aid ORDER BY a.day DESC, a.aid DESC, q.n LIMIT 11`,
		`SELECT q.rowid FROM articles a CROSS JOIN quotes q ON q.aid = a.aid WHERE q.qid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH '"interests"') AND a.story = a.aid ORDER BY a.day DESC, a.aid DESC, q.n LIMIT 11`,
	} {
		for i := 0; i < 3; i++ {
			st := time.Now()
			rows, err := db.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n++
			}
			rows.Close()
			if i == 2 {
				t.Logf("%v %d rows: %.110s", time.Since(st), n, q)
			}
		}
	}
}
