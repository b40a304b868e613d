package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
)

// FerretDB 1.24 runs findAndModify, update and delete as a read followed by a separate write
// (internal/handler/msg_findandmodify.go), so two conditional updates of one document can both
// match, and an $inc can lose a count. MongoDB makes each single-document write atomic, and
// Malipo relies on that (the reassignment is one conditional update). So clients reach FerretDB
// through this proxy, which lets one write command at a time through, across all connections,
// and holds it until its reply is back: a write's read and write then see no other write
// between them. Reads are not held up.

// writeCommands are the commands whose read-then-write FerretDB does not make atomic.
var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findAndModify": true, "findandmodify": true,
}

const (
	opMsg        = 2013
	moreToCome   = 1 << 1
	headerLength = 16
	maxMessage   = 48 * 1024 * 1024
)

type serializingProxy struct {
	backend string // FerretDB's own (unix socket) address
	writes  sync.Mutex
	logger  *slog.Logger
}

func (p *serializingProxy) serve(listener net.Listener) error {
	for {
		client, err := listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		go p.handle(client)
	}
}

func (p *serializingProxy) handle(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("unix", p.backend)
	if err != nil {
		p.logger.Error("cannot reach FerretDB", "error", err)
		return
	}
	defer server.Close()

	// The reader signals `answered` when the reply a held write waits for has gone to the client.
	// Only that reply is signalled: replies to reads must never crowd it out.
	var awaited atomic.Int64
	awaited.Store(noneAwaited)
	answered := make(chan struct{}, 1)
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		defer client.Close()
		for {
			message, err := readMessage(server)
			if err != nil {
				return
			}
			if _, err = client.Write(message); err != nil {
				return
			}
			responseTo := int64(int32(binary.LittleEndian.Uint32(message[8:12])))
			if awaited.CompareAndSwap(responseTo, noneAwaited) {
				answered <- struct{}{}
			}
		}
	}()

	for {
		message, err := readMessage(client)
		if err != nil {
			return
		}
		if !isAcknowledgedWrite(message) {
			if _, err = server.Write(message); err != nil {
				return
			}
			continue
		}
		requestID := int64(int32(binary.LittleEndian.Uint32(message[4:8])))
		if !p.forwardAndAwait(server, message, requestID, &awaited, answered, closed) {
			return
		}
	}
}

// noneAwaited is no request id: ids are int32, so it never equals one.
const noneAwaited = int64(1) << 40

// forwardAndAwait sends one write and waits for its reply while holding the write lock.
func (p *serializingProxy) forwardAndAwait(server net.Conn, message []byte, requestID int64, awaited *atomic.Int64, answered <-chan struct{}, closed <-chan struct{}) bool {
	p.writes.Lock()
	defer p.writes.Unlock()
	// Set before sending, so that the reply cannot arrive unnoticed.
	awaited.Store(requestID)
	if _, err := server.Write(message); err != nil {
		return false
	}
	select {
	case <-answered:
		return true
	case <-closed:
		return false
	}
}

func readMessage(conn net.Conn) ([]byte, error) {
	header := make([]byte, headerLength)
	if _, err := io.ReadFull(conn, header); err != nil {
		return nil, err
	}
	length := int(binary.LittleEndian.Uint32(header[0:4]))
	if length < headerLength || length > maxMessage {
		return nil, fmt.Errorf("invalid message length %d", length)
	}
	message := make([]byte, length)
	copy(message, header)
	if _, err := io.ReadFull(conn, message[headerLength:]); err != nil {
		return nil, err
	}
	return message, nil
}

// isAcknowledgedWrite reads the command name of an OP_MSG: the first key of its body document
// (header, flag bits, section kind 0, document length, element type, then the name).
func isAcknowledgedWrite(message []byte) bool {
	if binary.LittleEndian.Uint32(message[12:16]) != opMsg || len(message) < headerLength+10 {
		return false
	}
	flags := binary.LittleEndian.Uint32(message[16:20])
	if flags&moreToCome != 0 || message[20] != 0 {
		return false // no reply will come (w: 0), or not a body section
	}
	name := message[headerLength+10:]
	for i, b := range name {
		if b == 0 {
			return writeCommands[string(name[:i])]
		}
	}
	return false
}
