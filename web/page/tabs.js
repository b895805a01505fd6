// Other tabs of this site: "forget" and "clear" reach them through a BroadcastChannel.
export class Tabs {
  constructor(onNote) {
    this.channel = window.BroadcastChannel ? new BroadcastChannel("make-it-right") : null;
    this.onMessage = (event) => onNote(event.data);
    this.channel?.addEventListener("message", this.onMessage);
  }

  send(note) { this.channel?.postMessage(note); }

  destroy() {
    this.channel?.removeEventListener("message", this.onMessage);
    this.channel?.close();
  }
}
