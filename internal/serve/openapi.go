package serve

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"newsgraph/internal/article"
)

// The OpenAPI 3.1 document is built from the route table and the Go
// types the handlers write, so that it cannot drift from what the API
// answers; a golden test shows every change to it.

// paramDocs describe the query parameters, by name.
var paramDocs = map[string]struct {
	typ  string
	desc string
}{
	"q":        {"string", "Full-text query: words (all must match), \"a phrase\", OR, NOT, prefix*"},
	"from":     {"string", "First day, inclusive: YYYY, YYYY-MM or YYYY-MM-DD"},
	"to":       {"string", "Last day, inclusive: YYYY, YYYY-MM (the whole month) or YYYY-MM-DD"},
	"outlet":   {"string", "Outlet name, or the URL's host when the article names none"},
	"actor":    {"string", "An entity id (person:donald-trump) or a CAMEO actor code (USAGOV; USA* for a prefix); for events, either side"},
	"source":   {"string", "Source actor: an entity id or actor code"},
	"target":   {"string", "Target actor: an entity id or actor code"},
	"speaker":  {"string", "An entity id, or words matched against the speaker's name"},
	"country":  {"string", "ISO 3166-1 alpha-3 country code"},
	"root":     {"string", "Two-digit CAMEO root code (01–20)"},
	"code":     {"string", "CAMEO code or prefix (05, 051)"},
	"quad":     {"integer", "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"},
	"plover":   {"string", "PLOVER event type (ASSAULT, AGREE, …)"},
	"place":    {"string", "Entity id of the place where events happened"},
	"gmin":     {"number", "Lowest Goldstein value (-10 to 10)"},
	"gmax":     {"number", "Highest Goldstein value (-10 to 10)"},
	"dups":     {"boolean", "Include articles that copy another story (left out by default)"},
	"page":     {"integer", "Page number, from 1"},
	"per_page": {"integer", "Results per page, 1 to 100 (default 20)"},
	"type":     {"string", "Entity type: PERSON, ORG, PLACE, NORP, EVENT, WORK_OF_ART, MISC"},
	"limit":    {"integer", "Most rows to return"},
	"width":    {"integer", "Period of the counts: 4 years, 7 months (default), 10 days"},
	"format":   {"string", "csv (default) or gdelt (GDELT 2.0 Events, tab-separated, no header)"},
}

type object = map[string]any

// openAPI builds the document.
func (s *Server) openAPI() object {
	schemas := object{}
	sb := &schemaBuilder{schemas: schemas, names: map[reflect.Type]string{}}
	paths := object{}
	for _, rt := range s.routeTable() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if !strings.HasPrefix(path, "/api/") {
			continue
		}
		op := object{"summary": rt.summary, "operationId": operationID(path)}
		var params []any
		if strings.Contains(path, "{id}") {
			params = append(params, object{"name": "id", "in": "path", "required": true, "schema": object{"type": "string"},
				"description": "Article id, or entity id (person:…, org:…, place:…)"})
		}
		for _, name := range rt.params {
			d := paramDocs[name]
			params = append(params, object{"name": name, "in": "query", "schema": object{"type": d.typ}, "description": d.desc})
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		content := object{}
		switch {
		case rt.response != nil:
			content["application/json"] = object{"schema": sb.schema(reflect.TypeOf(rt.response))}
		case len(rt.media) > 0:
			for _, m := range rt.media {
				content[m] = object{"schema": object{"type": "string"}}
			}
		default:
			content["application/json"] = object{"schema": object{"type": "object"}}
		}
		op["responses"] = object{
			"200":     object{"description": "OK", "content": content},
			"default": object{"description": "An error", "content": object{"application/json": object{"schema": sb.schema(reflect.TypeOf(APIError{}))}}},
		}
		item, _ := paths[path].(object)
		if item == nil {
			item = object{}
			paths[path] = item
		}
		item[strings.ToLower(method)] = op
	}
	return object{
		"openapi": "3.1.0",
		"info": object{
			"title":       "newsgraph API",
			"version":     "1",
			"description": "Read-only JSON over a newsgraph store: articles with every annotation and its byte span, entities, quotes and events. Lists are paged with page and per_page; next holds the address of the next page when there is one. Errors answer with a status and {\"error\": {\"status\", \"message\"}}.",
		},
		"paths":      paths,
		"components": object{"schemas": schemas},
	}
}

func operationID(path string) string {
	p := strings.TrimPrefix(path, "/api/")
	p = strings.ReplaceAll(p, "{id}", "byId")
	p = strings.NewReplacer("/", "_", ".", "_").Replace(p)
	return "get_" + p
}

// schemaBuilder turns Go types into JSON Schema, naming each struct type
// once under components.schemas.
type schemaBuilder struct {
	schemas object
	names   map[reflect.Type]string
}

var spanType = reflect.TypeOf(article.Span{})

func (b *schemaBuilder) schema(t reflect.Type) object {
	if t == spanType {
		return object{"type": "array", "items": object{"type": "integer"}, "minItems": 2, "maxItems": 2,
			"description": "Byte span [start, end) into the record's text"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return b.schema(t.Elem())
	case reflect.String:
		return object{"type": "string"}
	case reflect.Bool:
		return object{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return object{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return object{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			return object{"type": "string"}
		}
		return object{"type": "array", "items": b.schema(t.Elem())}
	case reflect.Map:
		return object{"type": "object", "additionalProperties": b.schema(t.Elem())}
	case reflect.Struct:
		name, ok := b.names[t]
		if !ok {
			name = t.Name()
			if name == "" {
				return b.object(t)
			}
			for _, taken := range b.names {
				if taken == name {
					name = strings.Title(pkgName(t)) + name //nolint:staticcheck // ASCII package names
				}
			}
			b.names[t] = name
			b.schemas[name] = object{} // placeholder against recursion
			b.schemas[name] = b.object(t)
		}
		return object{"$ref": "#/components/schemas/" + name}
	}
	return object{}
}

func pkgName(t reflect.Type) string {
	p := t.PkgPath()
	return p[strings.LastIndexByte(p, '/')+1:]
}

// object is the schema of a struct's JSON fields, embedded structs
// flattened as encoding/json does.
func (b *schemaBuilder) object(t reflect.Type) object {
	props := object{}
	var required []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || !f.IsExported() && !f.Anonymous {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type)
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = b.schema(f.Type)
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
				required = append(required, name)
			}
		}
	}
	walk(t)
	o := object{"type": "object", "properties": props}
	if len(required) > 0 {
		slices.Sort(required)
		o["required"] = required
	}
	return o
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s.openAPI())
}
