package main

import (
	"encoding/binary"
	"log/slog"
	"net"
	"path/filepath"
	"testing"
	"time"
)

// opMsgCommand is an OP_MSG whose body is { <command>: 1 }.
func opMsgCommand(requestID, responseTo int32, command string) []byte {
	document := []byte{0, 0, 0, 0, 0x10}
	document = append(document, command...)
	document = append(document, 0, 1, 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(document, uint32(len(document)))
	message := make([]byte, headerLength+5, headerLength+5+len(document))
	message = append(message, document...)
	binary.LittleEndian.PutUint32(message[0:], uint32(len(message)))
	binary.LittleEndian.PutUint32(message[4:], uint32(requestID))
	binary.LittleEndian.PutUint32(message[8:], uint32(responseTo))
	binary.LittleEndian.PutUint32(message[12:], opMsg)
	return message
}

// fakeBackend answers every message at once, as FerretDB would.
func fakeBackend(t *testing.T) string {
	socket := filepath.Join(t.TempDir(), "backend.sock")
	listener, err := net.Listen("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	go func() {
		for {
			conn, err := listener.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				for {
					request, err := readMessage(conn)
					if err != nil {
						return
					}
					requestID := int32(binary.LittleEndian.Uint32(request[4:8]))
					if _, err := conn.Write(opMsgCommand(0, requestID, "ok")); err != nil {
						return
					}
				}
			}()
		}
	}()
	return socket
}

func startProxy(t *testing.T) string {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	proxy := &serializingProxy{backend: fakeBackend(t), logger: slog.Default()}
	go proxy.serve(listener)
	return listener.Addr().String()
}

func roundTrip(t *testing.T, conn net.Conn, requestID int32, command string) {
	t.Helper()
	if err := conn.SetDeadline(time.Now().Add(2 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write(opMsgCommand(requestID, 0, command)); err != nil {
		t.Fatal(err)
	}
	reply, err := readMessage(conn)
	if err != nil {
		t.Fatalf("%s %d: no reply: %v", command, requestID, err)
	}
	if got := int32(binary.LittleEndian.Uint32(reply[8:12])); got != requestID {
		t.Fatalf("%s %d: reply to %d", command, requestID, got)
	}
}

// A write after many reads on one connection used to wait forever: the reads' replies filled
// the queue the write's reply was signalled through, and that reply was dropped. The write
// lock stayed held, so every write on every connection hung.
func TestWriteAfterManyReadsIsAnswered(t *testing.T) {
	address := startProxy(t)
	first, err := net.Dial("tcp", address)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	for i := int32(1); i <= 50; i++ {
		roundTrip(t, first, i, "find")
	}
	roundTrip(t, first, 51, "insert")
	roundTrip(t, first, 52, "find")
	roundTrip(t, first, 53, "update")

	// The write lock was released: another connection's write goes through.
	second, err := net.Dial("tcp", address)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	roundTrip(t, second, 1, "findAndModify")
}

func TestWritesFromManyConnectionsAreAllAnswered(t *testing.T) {
	address := startProxy(t)
	done := make(chan error)
	for c := 0; c < 8; c++ {
		go func() {
			conn, err := net.Dial("tcp", address)
			if err != nil {
				done <- err
				return
			}
			defer conn.Close()
			for i := int32(1); i <= 100; i++ {
				command := "find"
				if i%3 == 0 {
					command = "insert"
				}
				conn.SetDeadline(time.Now().Add(2 * time.Second))
				if _, err := conn.Write(opMsgCommand(i, 0, command)); err != nil {
					done <- err
					return
				}
				if _, err := readMessage(conn); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for c := 0; c < 8; c++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
