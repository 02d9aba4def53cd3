package schema

import (
	"testing"
)

func loadComplete(t *testing.T) *Schema {
	t.Helper()
	s, err := Load("testdata/valid/complete.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLookup(t *testing.T) {
	s := loadComplete(t)
	tests := []struct {
		name, lang, text string
		want             []string // entry ids, in order
	}{
		{"folded hamza finds both", "ar", "أحمد", []string{"person:a", "person:a", "person:b"}},
		{"diacritics and ta marbuta", "ar", "القاهرَة", []string{"city:cairo"}},
		{"adjective", "ar", "المصرية", []string{"country:eg"}},
		{"abbreviation in any language", "en", "un", []string{"org:un"}},
		{"unknown language keeps abbreviations", "xx", "UN", []string{"org:un"}},
		{"names are per language", "en", "مصر", nil},
		{"no match", "ar", "باريس", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range s.Lookup(tt.lang, tt.text) {
				got = append(got, a.Entry.ID)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Lookup(%q, %q) = %v, want %v", tt.lang, tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("Lookup(%q, %q) = %v, want %v", tt.lang, tt.text, got, tt.want)
				}
			}
		})
	}
}

func TestHolderOn(t *testing.T) {
	s := loadComplete(t)
	tests := []struct {
		role, place, date string
		want              string // "" for none
	}{
		{"President", "country:eg", "2015-01-01", "person:a"},
		{"President", "country:eg", "2014-06", "person:a"},
		{"President", "country:eg", "2014-05-31", ""},
		{"President", "country:eg", "2024", "person:b"},
		{"President", "country:eg", "2020", ""}, // both held it in 2020
		{"Secretary-General", "org:un", "2022-03-01", "person:a"},
		{"Secretary-General", "country:eg", "2022-03-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.role+" "+tt.place+" "+tt.date, func(t *testing.T) {
			e, ok := s.HolderOn(tt.role, tt.place, tt.date)
			got := ""
			if ok {
				got = e.ID
			}
			if got != tt.want {
				t.Errorf("HolderOn = %q, want %q", got, tt.want)
			}
		})
	}
	if n := len(s.Holders("President", "country:eg")); n != 2 {
		t.Errorf("Holders(President, country:eg) has %d holdings, want 2", n)
	}
}

func TestDates(t *testing.T) {
	valid := map[string]bool{"2024": true, "2024-02": true, "2024-02-29": true, "2023-02-29": false,
		"2024-13": false, "24": false, "2024-1-5": false, "": false, "2024-02-29T00:00": false}
	for s, want := range valid {
		if got := ValidDate(s); got != want {
			t.Errorf("ValidDate(%q) = %v, want %v", s, got, want)
		}
	}
	before := []struct {
		a, b string
		want bool
	}{
		{"2019-12-31", "2020-01-01", true},
		{"2020", "2020-05-01", false},
		{"2020-04", "2020-05-01", true},
		{"2020-05-01", "2020-05-01", false},
		{"2021", "2020-12", false},
	}
	for _, tt := range before {
		if got := DateBefore(tt.a, tt.b); got != tt.want {
			t.Errorf("DateBefore(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
