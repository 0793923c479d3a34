package main

// A reader for the parts of gc 1.19's indexed export data (typecheck/
// iexport.go, format version 2) that hold escape tags: the main index, and
// in each function or type declaration the signatures and the
// compiler-specific extension data (funcExt, methExt) whose notes are the
// tags. Types are skipped by reference (a typeOff is one uvarint), so no
// type is decoded.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// pkgTags maps F and T.M to the notes of the receiver and parameters.
type pkgTags struct {
	funcs map[string][]string
}

func readPkgTags(file string) (*pkgTags, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	def, err := arMember(data, "__.PKGDEF")
	if err != nil {
		return nil, err
	}
	i := bytes.Index(def, []byte("\n$$B\n"))
	if i < 0 {
		return nil, errors.New("no binary export data")
	}
	exp := def[i+len("\n$$B\n"):]
	if len(exp) == 0 || exp[0] != 'i' {
		return nil, errors.New("not indexed export data")
	}
	return parseIndexed(exp[1:])
}

// arMember returns a member of a Unix archive.
func arMember(data []byte, name string) ([]byte, error) {
	const magic = "!<arch>\n"
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("not an archive")
	}
	off := len(magic)
	for off+60 <= len(data) {
		hdr := data[off : off+60]
		mname := strings.TrimRight(string(hdr[0:16]), " ")
		size, err := strconv.Atoi(strings.TrimSpace(string(hdr[48:58])))
		if err != nil {
			return nil, fmt.Errorf("bad archive header: %v", err)
		}
		off += 60
		if off+size > len(data) {
			return nil, errors.New("truncated archive")
		}
		if mname == name {
			return data[off : off+size], nil
		}
		off += size
		if size%2 == 1 {
			off++
		}
	}
	return nil, fmt.Errorf("no %s member", name)
}

type ireader struct {
	strings []byte
	data    []byte
}

// rd reads one declaration; it keeps the position state of exportWriter.
type rd struct {
	p    *ireader
	b    []byte
	off  int
	err  error
	line int64
	col  int64
}

func (r *rd) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *rd) uint64() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail(errors.New("bad uvarint"))
		return 0
	}
	r.off += n
	return v
}

func (r *rd) int64() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.fail(errors.New("bad varint"))
		return 0
	}
	r.off += n
	return v
}

func (r *rd) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail(errors.New("unexpected end of data"))
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (p *ireader) stringAt(off uint64) (string, error) {
	if off >= uint64(len(p.strings)) {
		return "", errors.New("bad string offset")
	}
	n, k := binary.Uvarint(p.strings[off:])
	if k <= 0 || off+uint64(k)+n > uint64(len(p.strings)) {
		return "", errors.New("bad string")
	}
	return string(p.strings[off+uint64(k) : off+uint64(k)+n]), nil
}

func (r *rd) string() string {
	s, err := r.p.stringAt(r.uint64())
	if err != nil {
		r.fail(err)
	}
	return s
}

func (r *rd) bool() bool { return r.uint64() != 0 }

// pos skips a delta-encoded position (exportWriter.pos).
func (r *rd) pos() {
	delta := r.int64()
	r.col += delta >> 1
	if delta&1 != 0 {
		delta = r.int64()
		r.line += delta >> 1
		if delta&1 != 0 {
			r.string()
		}
	}
}

func (r *rd) typ() { r.uint64() }

func (r *rd) param() {
	r.pos()
	r.string() // name
	r.typ()
}

// signature returns the number of parameters.
func (r *rd) signature() int {
	np := int(r.uint64())
	for i := 0; i < np; i++ {
		r.param()
	}
	nr := int(r.uint64())
	for i := 0; i < nr; i++ {
		r.param()
	}
	if np > 0 {
		r.bool() // variadic
	}
	return np
}

// funcExt returns the notes of n receivers and parameters.
func (r *rd) funcExt(n int) []string {
	r.string() // linkname
	r.int64()  // symIdx
	r.uint64() // ABI
	r.uint64() // pragma
	notes := make([]string, n)
	for i := range notes {
		notes[i] = r.string()
	}
	if r.uint64() != 0 { // 1 + inline cost
		r.bool() // CanDelayResults
		r.pos()  // Endlineno
	}
	return notes
}

func parseIndexed(b []byte) (*pkgTags, error) {
	hr := &rd{b: b}
	version := hr.uint64()
	if version != 2 {
		return nil, fmt.Errorf("export data version %d, want 2 (Go 1.18/1.19)", version)
	}
	slen := hr.uint64()
	dlen := hr.uint64()
	if hr.err != nil || uint64(hr.off)+slen+dlen > uint64(len(b)) {
		return nil, errors.New("bad header")
	}
	p := &ireader{
		strings: b[hr.off : uint64(hr.off)+slen],
		data:    b[uint64(hr.off)+slen : uint64(hr.off)+slen+dlen],
	}
	hr.off += int(slen + dlen)
	hr.p = p
	out := &pkgTags{funcs: map[string][]string{}}
	for npkgs := hr.uint64(); npkgs > 0 && hr.err == nil; npkgs-- {
		path := hr.string()
		hr.string() // name
		hr.uint64() // height
		for nsyms := hr.uint64(); nsyms > 0 && hr.err == nil; nsyms-- {
			name := hr.string()
			off := hr.uint64()
			if path != "" {
				continue // another package's declaration
			}
			if off >= uint64(len(p.data)) {
				return nil, fmt.Errorf("%s: bad offset", name)
			}
			if err := p.decl(name, off, out); err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
		}
	}
	if hr.err != nil {
		return nil, hr.err
	}
	return out, nil
}

// decl reads one declaration of the package and records its tags.
func (p *ireader) decl(name string, off uint64, out *pkgTags) error {
	r := &rd{p: p, b: p.data, off: int(off)}
	switch tag := r.byte(); tag {
	case 'F', 'G':
		r.pos()
		if tag == 'G' {
			for n := r.uint64(); n > 0 && r.err == nil; n-- {
				r.typ()
			}
		}
		np := r.signature()
		notes := r.funcExt(np)
		if r.err == nil {
			out.funcs[name] = notes
		}
	case 'T', 'U':
		r.pos()
		if tag == 'U' {
			for n := r.uint64(); n > 0 && r.err == nil; n-- {
				r.typ()
			}
		}
		under := r.uint64()
		if p.isInterface(under) {
			break // typeExt only
		}
		nm := int(r.uint64())
		names := make([]string, nm)
		counts := make([]int, nm)
		for i := 0; i < nm && r.err == nil; i++ {
			r.pos()
			names[i] = r.string()
			r.param() // receiver
			counts[i] = 1 + r.signature()
		}
		// typeExt
		r.bool()
		r.int64()
		r.int64()
		for i := 0; i < nm && r.err == nil; i++ {
			r.bool() // nointerface
			notes := r.funcExt(counts[i])
			if r.err == nil {
				out.funcs[name+"."+names[i]] = notes
			}
		}
	case 'V', 'C', 'A', 'P':
		// no tags
	default:
		return fmt.Errorf("unknown declaration tag %q", tag)
	}
	return r.err
}

// predeclReserved is the number of typeOffs reserved for predeclared
// types (bexport.go's predeclared list); offsets past it are type
// descriptors in the data section.
const predeclReserved = 32

// interfaceType is iexport's itag of interface type descriptors.
const interfaceType = 8

// isInterface reports whether a typeOff denotes an interface type: one of
// the predeclared error (19), comparable (30) and any (31), or an
// interface descriptor.
func (p *ireader) isInterface(off uint64) bool {
	if off < predeclReserved {
		return off == 19 || off == 30 || off == 31
	}
	r := &rd{p: p, b: p.data, off: int(off - predeclReserved)}
	return r.uint64() == interfaceType
}
