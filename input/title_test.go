package input

import "testing"

func TestTextTitle(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		markdown bool
		want     string
	}{
		{"dateline then headline", "القاهرة في 18 فبراير 2025 / أ ش أ /\n\nالسيسي يستقبل وزير الخارجية التركي\n\nاستقبل الرئيس…", false,
			"السيسي يستقبل وزير الخارجية التركي"},
		{"headline first", "بزشكيان ورحمان يجريان محادثات رسمية في طهران\n\nطهران/ 15 كانون الثاني/ ارنا - أجرى…", false,
			"بزشكيان ورحمان يجريان محادثات رسمية في طهران"},
		{"agency line then date line then headline", "بغداد – واع\n\nالأحد 26 كانون الثاني 2025\n\nالسوداني يستقبل وزير الخارجية التركي\n\nنص.", false,
			"السوداني يستقبل وزير الخارجية التركي"},
		{"block of short header lines", "جاكرتا - الأناضول\n12.02.2025\n\nبرابوو يستقبل إردوغان في قصر بوغور.. وتوقيع 12 اتفاقية تعاون\n\nنص.", false,
			"برابوو يستقبل إردوغان في قصر بوغور.. وتوقيع 12 اتفاقية تعاون"},
		{"a headline may hold a number", "نيودلهي، ٥ ديسمبر ٢٠٢٥\n\nمودي وبوتين يعتمدان برنامج التعاون الاقتصادي حتى 2030\n\nنص.", false,
			"مودي وبوتين يعتمدان برنامج التعاون الاقتصادي حتى 2030"},
		{"dateline glued to the body", "الدوحة في 02 فبراير /قنا/ اجتمع رئيس مجلس الوزراء مع وزير الخارجية.\n\nوبحث الجانبان…", false, ""},
		{"body paragraph of several lines first", "استقبل الرئيس نظيره\nفي القصر.\n\nعنوان متأخر هنا للتجربة\n\nنص.", false, ""},
		{"a sentence is not a headline", "استقبل الرئيس اليوم نظيره التركي في القصر.\n\nوبحث الجانبان…", false, ""},
		{"one line only: no text below", "نص من الدخل فقط هنا", false, ""},
		{"markdown heading", "# Heading\n\nBody.", true, "Heading"},
		{"markdown heading under a dateline", "Cairo, 2025-02-18\n\n## Talks in Cairo\n\nBody.", true, "Talks in Cairo"},
		{"markdown heading after body", "Body first\n# Not a title", true, ""},
		{"heading marks in a text file", "## شي جينبينغ يعقد جلسة مباحثات\n\nنص.", false, "شي جينبينغ يعقد جلسة مباحثات"},
		{"hash without space in a text file", "#hashtag كلمة أخرى هنا\n\nنص.", false, "#hashtag كلمة أخرى هنا"},
		{"too far down", "1 2\n\n3 4\n\n5 6\n\n7 8\n\nعنوان بعيد جدا هنا\n\nنص.", false, ""},
		{"fourth paragraph", "1 2\n\n3 4\n\n5 6\n\nعنوان قريب بما يكفي\n\nنص.", false, "عنوان قريب بما يكفي"},
		{"blank lines holding spaces", "الرياض 06 جمادى الأولى 1447 هـ الموافق 28 أكتوبر 2025 م واس\n  \nولي العهد يستقبل رئيس وزراء باكستان\n\nنص.", false,
			"ولي العهد يستقبل رئيس وزراء باكستان"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textTitle(tt.text, tt.markdown); got != tt.want {
				t.Errorf("textTitle = %q, want %q", got, tt.want)
			}
		})
	}
}
