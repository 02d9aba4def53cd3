package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestNoLanguageLiterals keeps words of a language out of the engine: the
// extractor reads them from the language pack. A string literal of the
// package's code (tests aside) may hold the script's punctuation (، ؛ ؟),
// never a letter of Arabic script.
func TestNoLanguageLiterals(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING && lit.Kind != token.CHAR {
				return true
			}
			s := lit.Value
			if u, err := strconv.Unquote(lit.Value); err == nil {
				s = u
			}
			for _, r := range s {
				if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
					t.Errorf("%s: a literal of Arabic script, %s: words belong in the language pack", fset.Position(lit.Pos()), lit.Value)
					break
				}
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("no Go file of the package was read")
	}
}
