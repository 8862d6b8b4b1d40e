package sqlite

// SetLSHMergeRows sets the size of lsh_recent at which its keys move to
// lsh, and returns a function that restores it.
func SetLSHMergeRows(n int) (restore func()) {
	old := lshMergeRows
	lshMergeRows = n
	return func() { lshMergeRows = old }
}
