package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxEditionBytes is the largest edition file dubao reads. A newspaper
// edition is a few hundred kilobytes; anything past this is not one.
const MaxEditionBytes = 256 << 20

// Errors that say why input could not be read as an edition.
var (
	// ErrBinary means the input holds NUL bytes or other binary data.
	ErrBinary = errors.New("binary file, not text")
	// ErrEncoding means the input is not UTF-8, UTF-16, GB18030 or Big5.
	ErrEncoding = errors.New("text in an unknown encoding (not UTF-8, UTF-16, GB18030 or Big5)")
	// ErrTooLarge means the input is larger than MaxEditionBytes.
	ErrTooLarge = fmt.Errorf("file too large (over %d MiB)", MaxEditionBytes>>20)
	// ErrNotFile means the path names a directory or device, not a file.
	ErrNotFile = errors.New("not a regular file")
)

// InputError is an error reading or decoding an edition, naming the input.
type InputError struct {
	// Name is the path, or "standard input".
	Name string
	// Err says what went wrong.
	Err error
}

func (e *InputError) Error() string { return safeName(e.Name) + ": " + e.Err.Error() }

// safeName quotes a file name that holds control characters, so that an
// error message naming it cannot drive the terminal it is printed on.
func safeName(name string) string {
	if strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f || isC1(r) }) {
		return strconv.Quote(name)
	}
	return name
}

func (e *InputError) Unwrap() error { return e.Err }

// Load reads the edition file at path and parses it. The file is only read.
func Load(path string) (*Edition, error) {
	data, _, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(path)
	e, err := Parse(data, Options{Source: path, Title: strings.TrimSuffix(base, filepath.Ext(base))})
	if err != nil {
		return nil, &InputError{Name: path, Err: err}
	}
	return e, nil
}

// ReadFile reads the edition file at path, only reading it, and returns its
// bytes and the stat taken on the open file. It looks before it opens: a
// named pipe, a device, a socket or a directory is an error (ErrNotFile)
// without being opened, so it can never block, and a file over
// MaxEditionBytes is an error (ErrTooLarge) without being read. Errors are
// *InputError naming path.
func ReadFile(path string) ([]byte, os.FileInfo, error) {
	fail := func(err error) ([]byte, os.FileInfo, error) {
		return nil, nil, &InputError{Name: path, Err: plainPathError(err)}
	}
	info, err := os.Stat(path)
	if err != nil {
		return fail(err)
	}
	if err := CheckFile(info); err != nil {
		return fail(err)
	}
	// O_NONBLOCK: should the file be swapped for a pipe between the stat
	// and the open, the open still returns at once; the check below then
	// refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return fail(err)
	}
	if err := CheckFile(info); err != nil {
		return fail(err)
	}
	data, err := readSized(f, info.Size(), MaxEditionBytes)
	if err != nil {
		return fail(err)
	}
	return data, info, nil
}

// CheckFile returns the error ReadFile gives, from its stat alone, for a
// path that is not a regular file (ErrNotFile, saying what it is instead)
// or too large (ErrTooLarge); nil if neither.
func CheckFile(info os.FileInfo) error {
	if !info.Mode().IsRegular() {
		return &notFileError{mode: info.Mode()}
	}
	if info.Size() > MaxEditionBytes {
		return ErrTooLarge
	}
	return nil
}

// notFileError says what a path names instead of a regular file.
type notFileError struct{ mode os.FileMode }

func (e *notFileError) Error() string {
	var what string
	switch m := e.mode; {
	case m.IsDir():
		what = "a directory"
	case m&os.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeCharDevice != 0:
		what = "a character device"
	case m&os.ModeDevice != 0:
		what = "a block device"
	default:
		return ErrNotFile.Error()
	}
	return what + ", " + ErrNotFile.Error()
}

func (e *notFileError) Is(target error) bool { return target == ErrNotFile }

// plainPathError drops the path that *os.PathError repeats, since
// InputError names the input already.
func plainPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadLimited reads all of r, failing with ErrTooLarge past MaxEditionBytes.
// When r is a regular file (standard input redirected from one), its size
// is checked before anything is read.
func ReadLimited(r io.Reader) ([]byte, error) {
	size := int64(-1)
	if f, ok := r.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if info.Size() > MaxEditionBytes {
				return nil, ErrTooLarge
			}
			size = info.Size()
		}
	}
	return readSized(r, size, MaxEditionBytes)
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	return readSized(r, -1, limit)
}

// readSized reads all of r, at most limit bytes, failing with ErrTooLarge
// past them. size is what a stat said r holds (-1 if unknown): the buffer
// is sized for it at once, rather than grown by doubling, which would hold
// up to twice the file in memory.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 {
		size = 64 << 10
	}
	// One byte more than expected, so that reaching the end needs no
	// second allocation.
	buf := make([]byte, 0, min(size, limit)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit+1)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Decode turns an edition's bytes into text and names the encoding it found.
// It recognises UTF-8 (with or without a byte-order mark), UTF-16 (with a
// byte-order mark, or without one when every other byte is zero), and
// GB18030 (a superset of GBK and GB2312) or Big5, told apart by which
// decoding yields common Chinese characters. It never looks at the locale.
// UTF-8 with a few invalid bytes is decoded with U+FFFD in their place (see
// DecodeCounting). Binary input and input no known encoding explains are
// errors.
func Decode(data []byte) (string, string, error) {
	text, enc, _, err := DecodeCounting(data)
	return text, enc, err
}

// DecodeCounting is Decode that also returns how many bytes were invalid
// and replaced by U+FFFD. UTF-8 text counts as UTF-8 with some invalid
// bytes when at most one in twenty of its non-ASCII bytes is invalid, or,
// when no Chinese encoding explains it either, one in a hundred of all
// its bytes: a file damaged in a few places is still read, and says so.
func DecodeCounting(data []byte) (text, enc string, invalid int, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if utf8.Valid(data) {
			return string(data), "utf-8", 0, nil
		}
		if bad, _ := invalidUTF8(data); bad*100 <= len(data) {
			text, n := replaceInvalid(data)
			return text, "utf-8", n, nil
		}
		return "", "", 0, ErrEncoding
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "utf-16be")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if order, ok := utf16Order(data); ok {
			name := map[unicode.Endianness]string{unicode.LittleEndian: "utf-16le", unicode.BigEndian: "utf-16be"}[order]
			if text, enc, n, err := decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data, name); err == nil {
				return text, enc, n, nil
			}
		}
		return "", "", 0, ErrBinary
	}
	if looksBinary(data) {
		return "", "", 0, ErrBinary
	}
	if utf8.Valid(data) {
		// Much faster than counting, and nearly every edition is valid.
		return string(data), "utf-8", 0, nil
	}
	bad, high := invalidUTF8(data)
	if bad*20 <= high {
		text, n := replaceInvalid(data)
		return text, "utf-8", n, nil
	}
	if text, enc, err := decodeLegacyChinese(data); err == nil {
		return text, enc, 0, nil
	}
	if bad*100 <= len(data) {
		text, n := replaceInvalid(data)
		return text, "utf-8", n, nil
	}
	return "", "", 0, ErrEncoding
}

// decodeCounting is DecodeCounting for the parser. The pass that validates
// UTF-8 without a byte-order mark (the commonest input) also tells whether
// the text needs cleaning but for its CRLF pairs (see cleanLines): plain is
// true when it does not, so the parser need not read the text again to
// know.
func decodeCounting(data []byte) (text, enc string, invalid int, plain bool, err error) {
	// The tests DecodeCounting makes before it takes bytes as UTF-8.
	if !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) &&
		!bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && bytes.IndexByte(data, 0) < 0 && !looksBinary(data) {
		if valid, isPlain := validPlain(data); valid {
			return string(data), "utf-8", 0, isPlain, nil
		}
	}
	text, enc, invalid, err = DecodeCounting(data)
	return text, enc, invalid, false, err
}

// InvalidNote says how many invalid bytes of e's input were replaced, as
// "NAME: N invalid bytes shown as �", naming standard input so; "" when none
// were.
func InvalidNote(e *Edition) string {
	if e.InvalidBytes == 0 {
		return ""
	}
	name := e.Source
	switch {
	case name == "-" || name == "seed:stdin":
		name = "standard input"
	case strings.HasPrefix(name, "seed:"):
		name = strings.TrimPrefix(name, "seed:")
	}
	noun := "bytes"
	if e.InvalidBytes == 1 {
		noun = "byte"
	}
	return fmt.Sprintf("%s: %d invalid %s shown as \uFFFD", safeName(name), e.InvalidBytes, noun)
}

// invalidUTF8 counts the bytes of data that are not part of a valid UTF-8
// sequence, and the bytes that are not ASCII.
func invalidUTF8(data []byte) (bad, high int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		high += size
		i += size
	}
	return bad, high
}

// replaceInvalid decodes data as UTF-8, each invalid byte becoming
// U+FFFD, and returns the text and the number of bytes replaced.
func replaceInvalid(data []byte) (string, int) {
	var b strings.Builder
	b.Grow(len(data) + 64)
	n, run := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			b.Write(data[run:i])
			b.WriteString("\uFFFD")
			n++
			run = i + 1
		}
		i += size
	}
	b.Write(data[run:])
	return b.String(), n
}

// utf16Order tells whether data, which holds zero bytes but no byte-order
// mark, is UTF-16 and in which byte order: text in UTF-16 has its zero
// bytes (the high bytes of ASCII characters, line breaks included) nearly
// all on one side of each pair; decodeWith then checks that what it decodes
// to is text.
func utf16Order(data []byte) (unicode.Endianness, bool) {
	sample := data[:min(len(data), 64<<10)&^1]
	if len(data)%2 != 0 || len(sample) == 0 {
		return unicode.BigEndian, false
	}
	var zeros [2]int
	for i, c := range sample {
		if c == 0 {
			zeros[i%2]++
		}
	}
	// Chinese characters have a zero low byte often enough (一 is U+4E00)
	// that the other side holds some.
	pairs := len(sample) / 2
	switch {
	case zeros[1]*100 >= pairs && zeros[0]*4 <= zeros[1]:
		return unicode.LittleEndian, true
	case zeros[0]*100 >= pairs && zeros[1]*4 <= zeros[0]:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// decodeWith decodes data with enc and rejects the result if it is not
// text. It returns the number of U+FFFD in the text: mostly characters that
// could not be decoded (unpaired surrogates).
func decodeWith(enc encoding.Encoding, data []byte, name string) (string, string, int, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", 0, ErrEncoding
	}
	if bytes.IndexByte(out, 0) >= 0 || looksBinary(out) {
		return "", "", 0, ErrBinary
	}
	bad := bytes.Count(out, []byte("\uFFFD"))
	if bad*50 > utf8.RuneCount(out) {
		return "", "", 0, ErrEncoding
	}
	return string(out), name, bad, nil
}

// looksBinary reports whether more than one byte in a hundred (in the first
// 64 KiB) is a C0 control other than tab, newline, carriage return and form
// feed, or ESC: text has next to none, binary formats are full of them.
func looksBinary(data []byte) bool {
	sample := data[:min(len(data), 64<<10)]
	bad := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			bad++
		}
	}
	return bad*100 > len(sample)
}

// legacyCandidate is a multi-byte Chinese encoding to try on non-UTF-8 input.
type legacyCandidate struct {
	name string
	enc  encoding.Encoding
}

var legacyCandidates = []legacyCandidate{
	{"gb18030", simplifiedchinese.GB18030},
	{"big5", traditionalchinese.Big5},
}

// decodeLegacyChinese decodes data as each legacy Chinese encoding and keeps
// the one whose text holds the most common Chinese characters and the fewest
// replacement characters. The wrong decoding of either encoding mostly lands
// on rare characters, so the common-character count tells them apart.
func decodeLegacyChinese(data []byte) (string, string, error) {
	bestScore, bestName, best := -1<<62, "", ""
	for _, c := range legacyCandidates {
		out, err := c.enc.NewDecoder().Bytes(data)
		if err != nil {
			continue
		}
		text := string(out)
		common, bad, han := 0, 0, 0
		for _, r := range text {
			switch {
			case r == utf8.RuneError:
				bad++
			case r >= 0x4E00 && r <= 0x9FFF:
				han++
				if isCommonHan(r) {
					common++
				}
			}
		}
		if han == 0 || bad*20 > han {
			continue
		}
		score := common*4 - bad*8
		if score > bestScore {
			bestScore, bestName, best = score, c.name, text
		}
	}
	if bestName == "" {
		return "", "", ErrEncoding
	}
	return best, bestName, nil
}

var (
	commonHanOnce sync.Once
	commonHanBits []uint64
)

// isCommonHan reports whether r is one of commonHan.
func isCommonHan(r rune) bool {
	commonHanOnce.Do(func() {
		commonHanBits = make([]uint64, (0x9FFF-0x4E00)/64+1)
		for _, c := range commonHan {
			if c >= 0x4E00 && c <= 0x9FFF {
				i := c - 0x4E00
				commonHanBits[i/64] |= 1 << (i % 64)
			}
		}
	})
	if r < 0x4E00 || r > 0x9FFF {
		return false
	}
	i := r - 0x4E00
	return commonHanBits[i/64]&(1<<(i%64)) != 0
}

// commonHan holds the characters most frequent in Chinese news text, in both
// simplified and traditional forms.
const commonHan = "的一是不了在人有我他这個个们中来上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准准布始怎呢存未远遠叫台单單影具罗羅字爱愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視消越器容照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號尽盡另周较較注语語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众眾构構房半节節土投某案黑维維革划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音跟志底站严嚴巴例防族供效续續施留讲講型料终終答紧緊黄黃绝絕奇察母京段依批群项項故按河米围圍江织織害斗双雙境客纪紀采採举舉杀殺攻父苏蘇密低朝友诉訴止细細愿願千值仍男钱錢破网網热熱助倒育属屬坐帝限船脸臉职職速刻乐樂否刚剛威毛状狀率甚独獨球般普怕弹彈校苦创創假久错錯承印晚兰蘭试試股拿脑腦预預谁誰益阳陽若哪微尼继繼送急血惊驚伤傷素药藥适適波夜省初喜卫衛源食险險待述陆陸习習置居劳勞财財环環排福纳納欢歡雷警获獲模充负負云雲停木游龙龍树樹疑层層冷洲冲衝射略范範竟句室异異激汉漢村哈策演简簡卡罪判担擔州静靜退既衣您宗积積余痛检檢差富灵靈协協角占配征修皮挥揮胜勝降阶階审審沉坚堅善妈媽刘劉读讀啊超免压壓银銀买買皇养養伊怀懷执執副乱亂抗犯追帮幫宣佛岁歲航优優怪香著田铁鐵控税稅左右份穿艺藝背阵陣草脚腳概恶惡块塊顿頓敢守酒岛島托央户戶烈洋哥索胡款靠评評版宝寶座释釋景顾顧弟登货貨互付伯慢欧歐换換闻聞危忙核暗姐介坏壞讨討丽麗良序升监監临臨亮露永呼味野架域沙掉括舰艦鱼魚杂雜误誤湾灣吉减減编編楚肯测測败敗屋跑梦夢散温溫困剑劍渐漸封救贵貴枪槍缺楼樓县縣尚毫移娘朋画畫班智亦耳恩短掌恐遗遺固席松秘谢謝鲁魯遇康虑慮幸均销銷钟鐘诗詩藏赶趕剧劇票损損忽巨炮旧舊端探湖录錄叶葉春乡鄉附吸予礼禮港雨呀板庭妇婦归歸睛饭飯额額含顺順输輸摇搖招婚脱脫补補谓謂督毒油疗療旅泽澤材灭滅逐莫笔筆亡鲜鮮词詞圣聖择擇寻尋厂廠睡博勒烟煙授诺諾伦倫岸奥奧唐卖賣俄炸载載洛健堂旁宫宮喝借君禁阴陰园園谋謀宋避抓荣榮姑孙孫逃牙束跳顶頂玉镇鎮雪午练練迫爷爺篇肉嘴馆館遍凡础礎洞卷坦牛宁寧纸紙诸諸训訓私庄莊祖丝絲翻暴森塔默握戏戲隐隱熟骨访訪弱蒙歌店鬼软軟典欲萨薩伙遭盘盤爸扩擴盖蓋弄雄稳穩忘亿億刺拥擁徒姆杨楊齐齊赛賽趣曲刀床迎冰虚虛玩析窗醒妻透购購替塞努休虎扬揚途侵刑绿綠兄迅套贸貿毕畢唯谷轮輪库庫迹跡尤竞競街促延震弃棄甲伟偉麻川申缓緩潜潛闪閃售灯燈针針哲络絡抵朱埃抱鼓植纯純夏忍页頁杰傑筑築折郑鄭贝貝尊吴吳秀混臣雅振染盛怒舞圆圓搞狂措姓残殘秋培迷诚誠宽寬宇猛摆擺梅毁毀伸摩盟末乃悲拍丁赵趙尺"
