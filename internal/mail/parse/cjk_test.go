package parse

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// TestGuessUndeclared8bit: text sent without a charset reads as written,
// whether Chinese, Japanese, Korean or Latin, with or without hints.
func TestGuessUndeclared8bit(t *testing.T) {
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
		hs   hints
	}{
		{"GBK", simplifiedchinese.GBK, "关于订单退款的问题", nil},
		{"GBK, short", simplifiedchinese.GBK, "你好", nil},
		{"GBK with a Latin-1 hint", simplifiedchinese.GBK, "发票已经收到了，谢谢", hints{"iso-8859-1"}},
		{"Big5", traditionalchinese.Big5, "請問我的訂單什麼時候到貨", nil},
		{"Shift_JIS", japanese.ShiftJIS, "お問い合わせ：請求書について", nil},
		{"Shift_JIS with a Latin-1 hint", japanese.ShiftJIS, "こんにちは", hints{"windows-1252"}},
		{"EUC-JP", japanese.EUCJP, "パスワードを忘れました", nil},
		{"ISO-2022-JP", japanese.ISO2022JP, "会議のお知らせ", nil},
		{"EUC-KR", korean.EUCKR, "주문 취소 요청드립니다", nil},
		{"Latin-1 French", charmap.Windows1252, "Réunion de l'équipe", nil},
		{"Latin-1 German", charmap.Windows1252, "Grüße aus Köln, Frösche", nil},
		{"Latin-1 Portuguese", charmap.Windows1252, "Confirmação da encomenda nº 4521 – não recebi", nil},
		{"Latin-1 Scandinavian", charmap.Windows1252, "Bestillingsbekræftelse: Ærø, Øster Søgård", nil},
		{"Latin-1 Spanish", charmap.Windows1252, "¿Dónde está mi pedido? Señor Muñoz", nil},
		{"Latin-1 French caps", charmap.Windows1252, "ÉTÉ À PARIS, ÇA VA", nil},
		{"windows-1252 euro", charmap.Windows1252, "Ça coûte 10 € – Niño", nil},
		{"Latin-2 by the mail's own hint", charmap.ISO8859_2, "Zażółć gęślą jaźń", hints{"iso-8859-2"}},
		{"GBK named by the mail", simplifiedchinese.GBK, "测试", hints{"gb2312"}},
		{"KOI8-R by the mail's own hint", charmap.KOI8R, "Привет, мир", hints{"koi8-r"}},
		{"KOI8-R, short", charmap.KOI8R, "Счет", hints{"koi8-r"}},
		{"KOI8-R order", charmap.KOI8R, "Заказ оплачен", hints{"koi8-r"}},
		{"GBK outweighs a KOI8-R hint when clearly Chinese", simplifiedchinese.GBK, "关于订单退款的问题", hints{"koi8-r"}},
		{"Greek by the mail's own hint", charmap.ISO8859_7, "Καλημέρα σας", hints{"iso-8859-7"}},
		{"windows-1251 by the mail's own hint", charmap.Windows1251, "Здравствуйте, где мой заказ?", hints{"windows-1251"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := guessText(encode(t, tt.enc, tt.text), tt.hs); got != tt.text {
				t.Errorf("guessText = %q, want %q", got, tt.text)
			}
		})
	}
}
