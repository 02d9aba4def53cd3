package extract

import (
	"sort"
	"testing"

	"github.com/dipgraph/dipgraph/schema"
)

// TestPurposes checks that the word lists the engine reads (listPurpose) are
// exactly the purposes the schema validates a pack against
// (schema.WordPurposes), and that the slot fillers it implements
// (fillerName) are exactly schema.Fillers: a name only one side knows is a
// list the pack may give and nothing reads, or one the engine reads and no
// pack can give.
func TestPurposes(t *testing.T) {
	// The lists the engine derives from others (the name stops written
	// with ى, those folding changes) are read from no key of the pack.
	derived := map[list]bool{wMaqsura: true, wFoldApart: true}
	var lists []string
	for l := range nLists {
		if derived[l] {
			if listPurpose[l] != "" {
				t.Errorf("derived list %d is named %q", l, listPurpose[l])
			}
			continue
		}
		lists = append(lists, listPurpose[l])
	}
	tests := []struct {
		name        string
		engine      []string
		schemaNames map[string]string
	}{
		{"word lists (listPurpose, schema.WordPurposes)", lists, schema.WordPurposes},
		{"slot fillers (fillerName, schema.Fillers)", fillerName[:], schema.Fillers},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			engine := map[string]bool{}
			for i, n := range tc.engine {
				if n == "" {
					t.Errorf("entry %d has no name", i)
					continue
				}
				if engine[n] {
					t.Errorf("%q is named twice", n)
				}
				engine[n] = true
			}
			var onlyEngine, onlySchema []string
			for n := range engine {
				if _, ok := tc.schemaNames[n]; !ok {
					onlyEngine = append(onlyEngine, n)
				}
			}
			for n := range tc.schemaNames {
				if !engine[n] {
					onlySchema = append(onlySchema, n)
				}
			}
			sort.Strings(onlyEngine)
			sort.Strings(onlySchema)
			if len(onlyEngine) > 0 {
				t.Errorf("the engine reads %v, which the schema does not declare", onlyEngine)
			}
			if len(onlySchema) > 0 {
				t.Errorf("the schema declares %v, which the engine does not read", onlySchema)
			}
		})
	}
}

// TestTypeBit checks that typeBit answers as typeBits for every type.
func TestTypeBit(t *testing.T) {
	for _, typ := range []string{schema.Person, schema.Country, schema.Organization, schema.City, schema.Treaty, schema.Event, schema.Venue, "", "other"} {
		if got, want := typeBit(typ), typeBits[typ]; got != want {
			t.Errorf("typeBit(%q) = %d, want %d", typ, got, want)
		}
	}
}
