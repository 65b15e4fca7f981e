module github.com/frontdesk/frontdesk/e2e

go 1.26.8

require github.com/chromedp/chromedp v0.22.1

require (
	github.com/chromedp/cdproto v0.159.0 // indirect
	github.com/coder/websocket v1.8.15 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
)
