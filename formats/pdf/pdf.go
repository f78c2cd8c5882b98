// Package pdf reads an edition from a PDF's text layer, as papers publish
// their e-paper pages. poppler's pdftotext (Debian: poppler-utils) extracts
// the words with their positions; this package puts the lines back into
// paragraphs (across columns and pages) from that geometry, and the text
// parser, model.ParseText, finds the sections, headline stacks and bylines.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"dubao/model"
)

// Command is the program that extracts the text layer.
const Command = "pdftotext"

// Timeout bounds one run of pdftotext: a PDF crafted to make it loop must
// not hang the reader.
const Timeout = 60 * time.Second

// timeout is Timeout, shorter in tests.
var timeout = Timeout

// maxOutput bounds what pdftotext may write, in bytes: the word list of a
// few hundred newspaper pages, far above any real edition.
const maxOutput = 256 << 20

// Errors that say why a PDF could not be read as an edition. Their text
// is the reason alone; callers name the file (dubao: FILE: reason).
var (
	// ErrNoPdftotext is returned when pdftotext is not installed.
	ErrNoPdftotext = errors.New("reading PDF needs pdftotext: install poppler-utils")
	// ErrNoText is returned for a PDF whose pages have no text layer, such
	// as a scan: there is nothing to read without OCR.
	ErrNoText = errors.New("PDF has no text layer (a scanned page?): nothing to read")
	// ErrTimeout is returned when pdftotext ran longer than Timeout.
	ErrTimeout = fmt.Errorf("pdftotext took longer than %v", Timeout)
	// ErrOutputTooLarge is returned when pdftotext wrote more than any
	// edition holds.
	ErrOutputTooLarge = fmt.Errorf("PDF text layer too large (over %d MiB)", maxOutput>>20)
)

// RejectedError is returned for a PDF pdftotext refused: broken,
// truncated, encrypted or not a PDF at all.
type RejectedError struct {
	// Reason is pdftotext's own last word on it, such as "Couldn't read
	// xref table" or "Incorrect password".
	Reason string
}

func (e *RejectedError) Error() string {
	if e.Reason == "" {
		return "pdftotext cannot read this PDF"
	}
	return "pdftotext cannot read this PDF: " + e.Reason
}

// Parse reads an edition from the PDF in data. opt names the source and
// gives the title used when the text has no masthead.
func Parse(data []byte, opt model.Options) (*model.Edition, error) {
	out, err := extract(data)
	if err != nil {
		return nil, err
	}
	pages, err := readWords(out)
	if err != nil {
		return nil, err
	}
	text := Layout(pages)
	if strings.TrimSpace(text) == "" {
		return nil, ErrNoText
	}
	return model.ParseText(text, opt), nil
}

// extract runs pdftotext on data (given on standard input, so no temporary
// file is left behind) and returns its word list.
//
// The mode was chosen by measuring the three-column fixture
// (testdata/threecol.pdf, printed by Chromium):
//   - the default mode guesses the reading order from the page, and at the
//     top of the page, where a headline's large type makes the column gap
//     look narrow, it ran the first lines of all three columns together
//     ("国道228海门段争创 内销售长江鱼类、违规钓具等情"): 15 of its 96
//     lines held text of two columns;
//   - -layout keeps the columns side by side, the page's picture rather
//     than its reading order: 37 of its 49 lines held text of two or three
//     columns;
//   - -raw keeps the order the producer drew the text in, which for
//     Chromium (and any producer that draws one text frame at a time) is
//     column by column, story by story: all 120 lines whole and in order. It drops
//     paragraph breaks and indents, which -bbox's word positions give back.
//
// So it runs with -raw -bbox, and Layout rebuilds paragraphs from the
// positions.
func extract(data []byte) ([]byte, error) {
	path, err := exec.LookPath(Command)
	if err != nil {
		return nil, ErrNoPdftotext
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-raw", "-bbox", "-enc", "UTF-8", "-", "-")
	// Killed, it may leave its output pipes open in a child: stop waiting.
	cmd.WaitDelay = time.Second
	cmd.Stdin = bytes.NewReader(data)
	var stdout limitedBuffer
	var stderr bytes.Buffer
	stdout.limit = maxOutput
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, ErrTimeout
	case stdout.full:
		return nil, ErrOutputTooLarge
	case err != nil:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil, &RejectedError{Reason: reason(stderr.String(), exit.ExitCode())}
		}
		return nil, fmt.Errorf("running pdftotext: %w", err)
	}
	return stdout.Bytes(), nil
}

// reason makes pdftotext's complaint one line: its last line says why it
// gave up (the lines before are the damage it found on the way); the exit
// status says so when it wrote nothing.
func reason(stderr string, code int) string {
	var last string
	for l := range strings.Lines(stderr) {
		if l = strings.TrimSpace(l); l != "" {
			last = l
		}
	}
	for _, p := range []string{"Syntax Error: ", "Command Line Error: ", "Error: "} {
		last = strings.TrimPrefix(last, p)
	}
	last = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, last)
	if len([]rune(last)) > 200 {
		last = string([]rune(last)[:200]) + "…"
	}
	if strings.Contains(strings.ToLower(last), "password") {
		// pdftotext says only "Incorrect password" for a locked PDF.
		return "encrypted (" + last + ")"
	}
	if last != "" {
		return last
	}
	// pdftotext's exit statuses, from its manual.
	switch code {
	case 1:
		return "not a PDF, or a damaged one"
	case 3:
		return "the PDF's permissions forbid copying its text"
	}
	return fmt.Sprintf("exit status %d", code)
}

// limitedBuffer is a bytes.Buffer that takes at most limit bytes; past it,
// writes fail, which stops pdftotext.
type limitedBuffer struct {
	bytes.Buffer
	limit int
	full  bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		b.full = true
		return 0, ErrOutputTooLarge
	}
	return b.Buffer.Write(p)
}
