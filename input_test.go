package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dubao/seeds"
)

// Every error about standard input names it, as errors about files name
// the file.
func TestStandardInputNamedInErrors(t *testing.T) {
	for _, cmd := range []string{"dump", "print"} {
		code, out, errOut := runDubao(t, "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", cmd, "-")
		if code != exitUsage || out != "" || errOut != "dubao: standard input: binary file, not text\n" {
			t.Errorf("%s -: exit %d, stdout %q, stderr %q", cmd, code, out, errOut)
		}
	}
}

// A few invalid bytes do not reject an edition: it is shown with U+FFFD,
// and standard error says how many bytes were replaced.
func TestInvalidBytesReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "damaged.txt")
	data := strings.Replace(string(seeds.Default), "。", "\xff。", 1)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"dump", path}, {"print", path}, {"dump", "-"}} {
		code, out, errOut := runDubao(t, data, args...)
		name := args[1]
		if name == "-" {
			name = "standard input"
		}
		if code != 0 || !strings.Contains(out, "\uFFFD") || errOut != "dubao: "+name+": 1 invalid byte shown as \uFFFD\n" {
			t.Errorf("%v: exit %d, stderr %q, replacement shown %v", args, code, errOut, strings.Contains(out, "\uFFFD"))
		}
	}
}

// A named pipe given as FILE is refused at once, by name: opening it would
// wait for a writer forever.
func TestNamedPipeRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "edition.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, cmd := range []string{"dump", "print"} {
		code, _, errOut := runDubao(t, "", cmd, fifo)
		if code != exitUsage || errOut != "dubao: "+fifo+": a named pipe (FIFO), not a regular file\n" {
			t.Errorf("%s FIFO: exit %d, stderr %q", cmd, code, errOut)
		}
	}
}
