// Added to FerretDB 1.24.2's SQLite backend when the launcher is built (see FERRETDB_PATCHES in
// src/lib/db/ferretdb-binary.ts for why).
//
// Stock FerretDB 1.x on SQLite creates the indexes a client asks for, but answers every query except a lookup by
// `_id` by reading the whole table, decoding each document and filtering it in Go; sorts and counts likewise. This
// file lets a query use an index the client declared as safe for it: an index whose name starts with "pushdown_"
// promises that every document holds each of its fields as a top-level string or boolean (never an array, a number
// or a nested document), and that its last field sorts as plain text (fixed-width keys, ISO dates).
//
// For such an index the backend adds `WHERE field = literal` (or `field IN (…)` for `$in`) for the filter's equality
// conditions on the index's leading fields. The handler still filters, sorts and limits in Go afterwards, so a partial WHERE only narrows what
// is read. When the WHERE is the whole filter, the sort (on the next indexed field) and the limit go to SQLite too,
// and a count is answered with COUNT(*).
//
// A "contains" condition, `{field: {$regex: "^.*literal.*$"}}` on a top-level field, goes to SQLite beside them as
// `instr(field, literal) > 0` over the rows the index selects, with the field's JSON type checked to be text: no
// index serves it, but the WHERE stays the whole filter, so the order, the limit and the count still go to SQLite
// (a page of the newest matches reads only until it is full, a count reads no document into Go).

package sqlite

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

const pushdownIndexPrefix = "pushdown_"

// indexedQuery is the SQL a query can add when a "pushdown_" index serves it.
type indexedQuery struct {
	where   string // " WHERE …", or "" when no index serves the filter
	args    []any
	exact   bool   // the WHERE selects exactly the filter's matches
	orderBy string // " ORDER BY …" when exact and the sort is served by the index
}

// planIndexedQuery finds the "pushdown_" index whose leading fields cover most of the filter's equality conditions.
func planIndexedQuery(meta *metadata.Collection, filter, sort *types.Document) indexedQuery {
	var plan indexedQuery
	if meta == nil {
		return plan
	}

	literals := map[string][]string{}
	contains := map[string]string{}
	conditions := 0

	if filter != nil {
		for _, field := range filter.Keys() {
			if field == "$comment" {
				continue
			}

			conditions++

			value, _ := filter.Get(field)
			if values, ok := pushableLiterals(field, value); ok {
				literals[field] = values
			} else if literal, ok := containsLiteral(field, value); ok {
				contains[field] = literal
			}
		}
	}

	sortField, descending, sortable := singleSort(sort)

	var best *metadata.IndexInfo
	bestCovered := -1
	bestServesSort := false

	for i := range meta.Settings.Indexes {
		index := &meta.Settings.Indexes[i]
		if !strings.HasPrefix(index.Name, pushdownIndexPrefix) {
			continue
		}

		covered := 0
		for _, key := range index.Key {
			if _, ok := literals[key.Field]; !ok {
				break
			}
			covered++
		}

		servesSort := sortable && covered < len(index.Key) && index.Key[covered].Field == sortField

		if covered > bestCovered || (covered == bestCovered && servesSort && !bestServesSort) {
			best, bestCovered, bestServesSort = index, covered, servesSort
		}
	}

	if best == nil && len(contains) == 0 {
		return plan
	}

	var indexed []metadata.IndexKeyPair
	if best != nil {
		indexed = best.Key[:bestCovered]
	}

	parts := make([]string, 0, len(indexed)+len(contains))
	for _, key := range indexed {
		values := literals[key.Field]
		if len(values) == 1 {
			parts = append(parts, fmt.Sprintf("%s->%q = ?", metadata.DefaultColumn, key.Field))
		} else {
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", ")
			parts = append(parts, fmt.Sprintf("%s->%q IN (%s)", metadata.DefaultColumn, key.Field, marks))
		}

		for _, value := range values {
			plan.args = append(plan.args, value)
		}
	}

	fields := make([]string, 0, len(contains))
	for field := range contains {
		fields = append(fields, field)
	}

	slices.Sort(fields)

	for _, field := range fields {
		// A string that contains the literal, or (MongoDB's rule for arrays) an array with such a string.
		path := fmt.Sprintf("'$.%s'", field)
		parts = append(parts, fmt.Sprintf(
			"(CASE json_type(%[1]s, %[2]s)"+
				" WHEN 'text' THEN instr(%[1]s->>%[2]s, ?) > 0 AND instr(%[1]s->>%[2]s, char(10)) = 0"+
				" WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(%[1]s, %[2]s) AS e"+
				" WHERE e.type = 'text' AND instr(e.value, ?) > 0 AND instr(e.value, char(10)) = 0)"+
				" ELSE 0 END)",
			metadata.DefaultColumn, path,
		))
		plan.args = append(plan.args, contains[field], contains[field])
	}

	if len(parts) > 0 {
		plan.where = " WHERE " + strings.Join(parts, " AND ")
	}

	plan.exact = len(indexed) == len(literals) && len(literals)+len(contains) == conditions

	if plan.exact && best != nil && bestServesSort {
		direction := ""
		if descending {
			direction = " DESC"
		}

		plan.orderBy = fmt.Sprintf(" ORDER BY %s->%q%s", metadata.DefaultColumn, sortField, direction)
	}

	if plan.where == "" && plan.orderBy == "" {
		plan.exact = conditions == 0
	}

	return plan
}

// maxInValues bounds the `IN (…)` list a `$in` becomes (SQLite's bound on parameters is 32,766).
const maxInValues = 10_000

// pushableLiterals returns the JSON texts an equality (one) or a `$in` (several) condition selects.
func pushableLiterals(field string, value any) ([]string, bool) {
	if strings.ContainsAny(field, ".$") || field == "" {
		return nil, false
	}

	document, ok := value.(*types.Document)
	if !ok {
		literal, ok := pushableLiteral(value)
		return []string{literal}, ok
	}

	if document.Len() != 1 {
		return nil, false
	}

	switch document.Keys()[0] {
	case "$eq":
		literal, ok := pushableLiteral(must.NotFail(document.Get("$eq")))
		return []string{literal}, ok
	case "$in":
		array, ok := must.NotFail(document.Get("$in")).(*types.Array)
		if !ok || array.Len() == 0 || array.Len() > maxInValues {
			return nil, false
		}

		literals := make([]string, 0, array.Len())
		for i := 0; i < array.Len(); i++ {
			literal, ok := pushableLiteral(must.NotFail(array.Get(i)))
			if !ok {
				return nil, false
			}

			literals = append(literals, literal)
		}

		return literals, true
	default:
		return nil, false
	}
}

// pushableLiteral returns the JSON text SQLite's `->` gives for the value, for the values whose text is the same
// whichever JSON writer produced it: booleans, and strings without quotes, backslashes, control or HTML characters.
func pushableLiteral(value any) (string, bool) {
	switch value := value.(type) {
	case bool:
		if value {
			return "true", true
		}

		return "false", true
	case string:
		if !plainText(value) {
			return "", false
		}

		literal, err := sjson.MarshalSingleValue(value)
		if err != nil {
			return "", false
		}

		return string(literal), true
	default:
		return "", false
	}
}

func plainText(value string) bool {
	if !utf8.ValidString(value) {
		return false
	}

	for _, r := range value {
		if r < 0x20 || r == 0x7f || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' ||
			r == '\u2028' || r == '\u2029' {
			return false
		}
	}

	return true
}

// singleSort returns the field and direction of a sort on one top-level field.
func singleSort(sort *types.Document) (string, bool, bool) {
	if sort == nil || sort.Len() != 1 {
		return "", false, false
	}

	field := sort.Keys()[0]
	if strings.ContainsAny(field, ".$") {
		return "", false, false
	}

	value, _ := sort.Get(field)

	switch value := value.(type) {
	case int64:
		return field, value < 0, true
	case int32:
		return field, value < 0, true
	case float64:
		return field, value < 0, true
	default:
		return "", false, false
	}
}

// containsLiteral returns the literal of a "contains" regular expression, `^.*literal.*$` with no options, where the
// literal's metacharacters are escaped with a backslash (as a `*literal*` LIKE pattern is written). The field must be
// a plain top-level name, since it is spliced into a JSON path. Without a newline in the value (checked in SQL),
// the expression matches exactly the strings that contain the literal.
func containsLiteral(field string, value any) (string, bool) {
	if !plainFieldName(field) {
		return "", false
	}

	document, ok := value.(*types.Document)
	if !ok || document.Len() != 1 || document.Keys()[0] != "$regex" {
		return "", false
	}

	pattern, ok := must.NotFail(document.Get("$regex")).(string)
	if !ok || !strings.HasPrefix(pattern, "^.*") || !strings.HasSuffix(pattern, ".*$") || len(pattern) < 6 {
		return "", false
	}

	var literal strings.Builder

	body := pattern[3 : len(pattern)-3]
	for i := 0; i < len(body); i++ {
		c := body[i]

		switch {
		case c == '\\':
			// An escaped punctuation character is that character; a letter or digit would be a class (\d, \w…).
			if i+1 == len(body) || !isASCIIPunctuation(body[i+1]) {
				return "", false
			}

			i++
			literal.WriteByte(body[i])
		case strings.ContainsRune(`.*+?^${}()|[]`, rune(c)):
			return "", false
		default:
			literal.WriteByte(c)
		}
	}

	if literal.Len() == 0 || !utf8.ValidString(literal.String()) || strings.ContainsRune(literal.String(), '\n') {
		return "", false
	}

	return literal.String(), true
}

func plainFieldName(field string) bool {
	if field == "" || len(field) > 128 {
		return false
	}

	for _, r := range field {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}

	return true
}

func isASCIIPunctuation(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}
