package schema

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeVocabulary keeps README.md, which analysts extend the language
// pack by, in step with the closed vocabulary the loader checks.
func TestReadmeVocabulary(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for name := range Fillers {
		row := "| `" + name + "` |"
		if name == "after" {
			row = "| `after:LIST` |"
		}
		if !strings.Contains(doc, row) {
			t.Errorf("README.md has no row %s for the filler %s", row, name)
		}
	}
	for name := range WordPurposes {
		if row := "| `" + name + "` | " + WordPurposes[name] + " |"; !strings.Contains(doc, row) {
			t.Errorf("README.md has no row %q for the word list %s", row, name)
		}
	}
	for _, name := range append(append(append([]string{}, RequiredWords...), SlotTypes...), FrameScales...) {
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("README.md does not name `%s`", name)
		}
	}
}
