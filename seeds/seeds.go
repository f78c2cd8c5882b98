// Package seeds embeds the edition dubao opens when it is given no file.
package seeds

import _ "embed"

// Name is the embedded edition's file name.
const Name = "000_d90216ad62ac1bd2.txt"

// Title is the embedded edition's title. The text itself carries no
// masthead: it is one page of the Haimen daily (海门日报, Jiangsu), spring
// 2024, extracted from its e-paper.
const Title = "海门日报"

// Default is the embedded edition's bytes, exactly as extracted.
//
//go:embed 000_d90216ad62ac1bd2.txt
var Default []byte
