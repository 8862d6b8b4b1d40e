package article

import (
	"errors"
	"fmt"
)

// Sentinel errors. An input that is not an article is rejected (ErrSkip and
// its kin); a stage that breaks returns any other error.
var (
	// ErrSkip tells the pipeline to drop the article without counting it
	// as a failure (for example a non-English page when only English is
	// kept).
	ErrSkip = errors.New("article skipped")
	// ErrEmpty means the input holds no text once cleaned.
	ErrEmpty = errors.New("empty article")
	// ErrBinary means the input is not text (NUL bytes, an image, an
	// archive).
	ErrBinary = errors.New("binary input, not text")
	// ErrTooLarge means the input is over the configured size cap.
	ErrTooLarge = errors.New("input too large")
	// ErrFormat means the input claims a format it does not hold (JSON
	// with the wrong types, HTML that parses to nothing).
	ErrFormat = errors.New("malformed input")
)

// InputError ties an error to the input it came from, so a user can find
// the failing article: a file, "file:line" for JSONL, or a URL.
type InputError struct {
	Origin string
	Err    error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Origin, e.Err) }

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }
