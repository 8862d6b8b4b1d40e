package export

import (
	"encoding/csv"
	"fmt"
	"io"

	"newsgraph/internal/store"
)

// WriteCSV writes a store table as CSV with a header row.
func WriteCSV(w io.Writer, t store.Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for row, err := range t.Rows {
		if err != nil {
			return err
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}
