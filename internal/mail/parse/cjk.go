package parse

import (
	"bytes"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// cjkCandidate is an East Asian encoding undeclared text may be in, with
// the test for characters that are common in its language.
type cjkCandidate struct {
	enc    encoding.Encoding
	common func(rune) bool
}

// The two-byte encodings overlap so much that most text is valid in
// several of them; only the one it was written in gives common words.
var cjkCandidates = []cjkCandidate{
	{simplifiedchinese.GBK, func(r rune) bool { return commonHans[r] }},
	{traditionalchinese.Big5, func(r rune) bool { return commonHant[r] }},
	{japanese.ShiftJIS, isJapanese},
	{japanese.EUCJP, isJapanese},
	{korean.EUCKR, func(r rune) bool { return commonHangul[r] }},
}

// minCommonShare is the share of a decoding's non-ASCII characters that
// must be common in its language. Text in the right encoding scores well
// above (the lists cover about half of running text); Latin-1 or text in
// a sibling encoding decoded this way scores near zero.
const minCommonShare = 0.3

// strongHits and strongShare are what it takes to override a charset the
// mail names: a short Cyrillic word can decode as two common hanzi.
const (
	strongHits  = 3
	strongShare = 0.5
)

// detectCJK decodes b as the East Asian encoding it is clearly written
// in: valid there, with the most common characters of that language.
// strong asks for more evidence (see strongHits).
func detectCJK(b []byte, strong bool) (string, bool) {
	sample := b[:sampleEnd(b, 64<<10)]
	best, bestHits, bestShare := -1, 0, 0.0
	for i, c := range cjkCandidates {
		s, ok := decodeStrict(c.enc, sample)
		if !ok {
			continue
		}
		hits, total := 0, 0
		for _, r := range s {
			if r >= 0x80 {
				total++
				if c.common(r) {
					hits++
				}
			}
		}
		share := float64(hits) / float64(max(total, 1))
		if share >= minCommonShare && (hits > bestHits || hits == bestHits && share > bestShare) {
			best, bestHits, bestShare = i, hits, share
		}
	}
	if best < 0 || strong && (bestHits < strongHits || bestShare < strongShare) {
		return "", false
	}
	return decodeWith(cjkCandidates[best].enc, b), true
}

// sampleEnd cuts a long text after an ASCII byte near n, so that no
// character is split.
func sampleEnd(b []byte, n int) int {
	if len(b) <= n {
		return len(b)
	}
	for i := n; i > n/2; i-- {
		if b[i-1] < 0x80 {
			return i
		}
	}
	return n
}

// decodeStrict decodes b, failing where b is not valid in enc.
func decodeStrict(enc encoding.Encoding, b []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(out, '\uFFFD') {
		return "", false
	}
	return string(out), true
}

// isISO2022JP spots 7-bit ISO-2022-JP text by its escape to JIS X 0208.
func isISO2022JP(b []byte) bool {
	return bytes.Contains(b, []byte("\x1b$B")) || bytes.Contains(b, []byte("\x1b$@"))
}

// isMultiByte reports whether enc is one of the East Asian encodings,
// whose validity says something (any byte is valid in a single-byte one).
func isMultiByte(enc encoding.Encoding) bool {
	switch enc {
	case japanese.ShiftJIS, japanese.EUCJP, japanese.ISO2022JP, korean.EUCKR, simplifiedchinese.GBK,
		simplifiedchinese.GB18030, simplifiedchinese.HZGB2312, traditionalchinese.Big5:
		return true
	}
	return false
}

// isJapanese: full-width kana, the long vowel mark, or a common kanji.
func isJapanese(r rune) bool {
	return r >= 0x3041 && r <= 0x30FC || commonHans[r] || commonHant[r]
}

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, len(s)/3)
	for _, r := range strings.ReplaceAll(s, "\n", "") {
		m[r] = true
	}
	return m
}

// Common characters, most frequent first, with words of customer mail.
var (
	commonHans   = runeSet(`的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切您谢订货款票客户邮件附确认询价格支付退换账号码密登录系统故障联系尽快回复通知会议`)
	commonHant   = runeSet(`的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物台象記邊共風戰乾接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離雖壞興切您謝訂貨款票客戶郵件附確詢價格支付退換帳號碼密登錄統故障聯繫盡快覆通知`)
	commonHangul = runeSet(`이다는의에고하가을를지서사기로리자니습한수도어요아시나인대국해게정전있일으적들구보여제주상개라우회것장부만세경내원문관때생위학동성무분결과께안녕드립감합용신청확바랍메답변처파운되었것입니까주문배송환불결제계좌번호비밀로그인연락빠른부탁문제확인드려요오늘내일시간가능고객센터담당자님감사드립니다죄송합니다`)
)
