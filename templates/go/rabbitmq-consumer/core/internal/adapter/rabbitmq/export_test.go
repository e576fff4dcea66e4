package rabbitmq

// DropConnection closes the consumer's connection as a broker outage would.
func (c *Consumer) DropConnection() {
	if s := c.session(); s != nil {
		_ = s.conn.Close()
	}
}
