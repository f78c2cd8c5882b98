package formats

import (
	"dubao/formats/pdf"
	"dubao/model"
)

// parsePDF reads a PDF edition from its text layer (see formats/pdf). It is
// the one place PDF input goes.
func parsePDF(data []byte, opt model.Options) (*model.Edition, error) {
	return pdf.Parse(data, opt)
}
