package extract

import "testing"

func TestBetterEvidence(t *testing.T) {
	rel := func(conf float64, text string) Relation {
		return Relation{Confidence: conf, Evidence: Span{Text: text}}
	}
	tests := []struct {
		name string
		a, b Relation
		want bool
	}{
		{"higher confidence wins", rel(0.9, "عنوان"), rel(0.8, "جملة من المتن."), true},
		{"lower confidence loses", rel(0.7, "جملة من المتن."), rel(0.8, "عنوان"), false},
		{"body sentence beats headline", rel(0.8, "استقبل الرئيس ضيفه في القصر."), rel(0.8, "الرئيس يستقبل ضيفه"), true},
		{"headline does not beat body sentence", rel(0.8, "الرئيس يستقبل ضيفه"), rel(0.8, "استقبل الرئيس ضيفه."), false},
		{"quoted end still a sentence", rel(0.8, "وقال إن اللقاء كان مثمرا.»"), rel(0.8, "عنوان"), true},
		{"first of two body sentences stays", rel(0.8, "جملة ثانية."), rel(0.8, "جملة أولى."), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := betterEvidence(tt.a, tt.b); got != tt.want {
				t.Errorf("betterEvidence = %v, want %v", got, tt.want)
			}
		})
	}
}
