package sqlite

import (
	"bytes"
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"

	"newsgraph/internal/article"
)

// appendRecord appends rec's JSON as a json.Encoder with SetEscapeHTML(false)
// writes it, without the final newline, byte for byte (TestAppendRecord,
// FuzzAppendRecord). It is three to four times faster than encoding/json,
// whose reflection, and validation of every span's MarshalJSON output,
// cost some 50 µs a BBC record. Encoders are built per type from its
// fields, so fields added to the record are written too; a type it does
// not know how to write exactly as encoding/json (a marshaler other than
// Span, a map, an embedded struct, a ",string" option …) is handed to
// encoding/json, and so is a record with a value encoding/json refuses
// (NaN), so that the error is encoding/json's.
func appendRecord(b []byte, rec *article.Record) ([]byte, error) {
	n := len(b)
	out, ok := recordEncoder(b, reflect.ValueOf(rec).Elem())
	if ok {
		return out, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return b[:n], err
	}
	return append(out[:n], bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), nil
}

// An encoder appends v's JSON to b; false means a value encoding/json
// refuses.
type encoder func(b []byte, v reflect.Value) ([]byte, bool)

var (
	spanType   = reflect.TypeFor[article.Span]()
	numberType = reflect.TypeFor[json.Number]()
	marshaler  = reflect.TypeFor[json.Marshaler]()
	texter     = reflect.TypeFor[encoding.TextMarshaler]()
	// recordEncoder is built once, when the package is initialised.
	recordEncoder = encoders{}.of(reflect.TypeFor[article.Record]())
)

// encoders holds the encoders built so far, by type.
type encoders map[reflect.Type]encoder

// of returns t's encoder, building it if need be.
func (m encoders) of(t reflect.Type) encoder {
	if e, ok := m[t]; ok {
		return e
	}
	// A recursive type finds this stand-in until its encoder is built.
	var built encoder
	m[t] = func(b []byte, v reflect.Value) ([]byte, bool) { return built(b, v) }
	built = m.build(t)
	m[t] = built
	return built
}

func (m encoders) build(t reflect.Type) encoder {
	if t == spanType {
		return appendSpan
	}
	if t.Kind() == reflect.Pointer && t.Elem() == spanType {
		// *Span has Span's MarshalJSON: null when nil, else the span
		// (Quote.SpeakerSpan).
		return m.pointer(t)
	}
	if t == numberType || t.Implements(marshaler) || t.Implements(texter) ||
		reflect.PointerTo(t).Implements(marshaler) || reflect.PointerTo(t).Implements(texter) {
		return fallback
	}
	switch t.Kind() {
	case reflect.String:
		return func(b []byte, v reflect.Value) ([]byte, bool) { return appendString(b, v.String()), true }
	case reflect.Bool:
		return func(b []byte, v reflect.Value) ([]byte, bool) { return strconv.AppendBool(b, v.Bool()), true }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b []byte, v reflect.Value) ([]byte, bool) { return strconv.AppendInt(b, v.Int(), 10), true }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(b []byte, v reflect.Value) ([]byte, bool) { return strconv.AppendUint(b, v.Uint(), 10), true }
	case reflect.Float64:
		return appendFloat
	case reflect.Pointer:
		return m.pointer(t)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return fallback // base64
		}
		elem := m.of(t.Elem())
		return func(b []byte, v reflect.Value) ([]byte, bool) {
			if v.IsNil() {
				return append(b, "null"...), true
			}
			b = append(b, '[')
			for i := range v.Len() {
				if i > 0 {
					b = append(b, ',')
				}
				var ok bool
				if b, ok = elem(b, v.Index(i)); !ok {
					return b, false
				}
			}
			return append(b, ']'), true
		}
	case reflect.Struct:
		return m.structEncoder(t)
	}
	return fallback
}

// pointer returns the encoder of pointer type t: null, or what t.Elem()'s
// encoder writes.
func (m encoders) pointer(t reflect.Type) encoder {
	elem := m.of(t.Elem())
	return func(b []byte, v reflect.Value) ([]byte, bool) {
		if v.IsNil() {
			return append(b, "null"...), true
		}
		return elem(b, v.Elem())
	}
}

// field is a struct field as encoding/json writes it.
type field struct {
	index     int
	key       string // `"name":`
	omitEmpty bool
	enc       encoder
}

// structEncoder writes t's exported fields in order under their json
// names. A struct whose fields it cannot name exactly as encoding/json
// does (embedded fields, options other than omitempty, unusual names,
// duplicate names) goes to encoding/json.
func (m encoders) structEncoder(t reflect.Type) encoder {
	var fields []field
	seen := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return fallback
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := cutComma(tag)
		omit := false
		for opts != "" {
			var o string
			o, opts, _ = cutComma(opts)
			switch o {
			case "omitempty":
				omit = true
			case "":
			default:
				return fallback
			}
		}
		if name == "" {
			name = f.Name
		}
		if !plainName(name) || seen[name] {
			return fallback
		}
		seen[name] = true
		fields = append(fields, field{index: i, key: strconv.Quote(name) + ":", omitEmpty: omit, enc: m.of(f.Type)})
	}
	return func(b []byte, v reflect.Value) ([]byte, bool) {
		b = append(b, '{')
		first := true
		for i := range fields {
			f := &fields[i]
			fv := v.Field(f.index)
			if f.omitEmpty && isEmpty(fv) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, f.key...)
			var ok bool
			if b, ok = f.enc(b, fv); !ok {
				return b, false
			}
		}
		return append(b, '}'), true
	}
}

func cutComma(s string) (before, after string, found bool) {
	for i := range len(s) {
		if s[i] == ',' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// plainName reports a key of letters, digits and underscores, which
// encoding/json takes as it is and writes without escapes.
func plainName(s string) bool {
	for _, c := range s {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// fallback writes v with encoding/json (as a field of an addressable
// struct, so that pointer-receiver marshalers are called as encoding/json
// calls them).
func fallback(b []byte, v reflect.Value) ([]byte, bool) {
	x := v.Interface()
	if v.CanAddr() {
		x = v.Addr().Interface()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return b, false
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), true
}

// appendSpan writes a span as Span.MarshalJSON does: [start,end].
func appendSpan(b []byte, v reflect.Value) ([]byte, bool) {
	var s article.Span
	if v.CanAddr() {
		s = *v.Addr().Interface().(*article.Span) // no copy to the heap
	} else {
		s = v.Interface().(article.Span)
	}
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, ']'), true
}

// appendFloat writes a float64 as encoding/json does: like ES6, 'e'
// notation below 1e-6 and from 1e21, exponents unpadded.
func appendFloat(b []byte, v reflect.Value) ([]byte, bool) {
	f := v.Float()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendString writes s as a JSON string as encoding/json does without
// HTML escaping: quotes, backslashes and control characters escaped
// (\b \f \n \r \t by name), invalid UTF-8 as \ufffd, U+2028 and U+2029
// escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
