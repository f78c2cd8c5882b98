package formats

import (
	"errors"

	"dubao/model"
)

// ErrPDF says PDF editions cannot be read yet.
var ErrPDF = errors.New("PDF editions are not supported yet")

// parsePDF reads a PDF edition. It is the one place PDF input goes: when
// formats/pdf lands, its body becomes `return pdf.Parse(data, opt)`.
func parsePDF(data []byte, opt model.Options) (*model.Edition, error) {
	return nil, ErrPDF
}
