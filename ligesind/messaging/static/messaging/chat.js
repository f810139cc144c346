// Live updates for members. On every page: the unread counter in the navigation. On a
// conversation page: messages are sent with fetch (saved first), and new messages, edits, read
// state and typing arrive over a WebSocket; while it is away (Redis down, a network change) new
// messages are fetched every few seconds, and after a reconnect the page catches up from the last
// id it saw. Every page works without this script (plain forms and links).
(function () {
  "use strict";
  if (!document.querySelector("[data-unread-link]")) return;
  const chat = document.querySelector("[data-chat]") || document.createElement("ol");
  const onChatPage = chat.isConnected;
  const form = document.querySelector("[data-chat-form]");
  const status = document.querySelector("[data-live-status]");
  const typing = document.querySelector("[data-typing]");
  const announcer = document.querySelector("[data-chat-announce]");
  const conversation = onChatPage ? Number(chat.dataset.conversation) : -1;
  const me = Number(chat.dataset.me);
  let lastId = Number(chat.dataset.lastId || 0);
  let socket = null;
  let retry = 1000;
  let pollTimer = null; // while the socket is away, new messages come by plain requests
  let leaving = false; // this page is going elsewhere (signing out, a link): no reload
  window.addEventListener("beforeunload", function () { leaving = true; });
  window.addEventListener("pageshow", function () { leaving = false; });
  let typingTimer = null;
  let lastTypingSent = 0;
  let unread = 0;

  function csrf() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showPaused(paused) {
    if (!status || !onChatPage) return;
    status.hidden = !paused;
    status.textContent = paused ? chat.dataset.textPaused : "";
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Words this member muted (one word each; a word also catches its endings).
  const mutedWords = (chat.dataset.mutedWords || "").split(" ").filter(Boolean);

  function isMuted(text) {
    if (!mutedWords.length) return false;
    const words = text.toLowerCase().split(/[^a-z0-9æøåäöüé']+/);
    return words.some(function (word) {
      return mutedWords.some(function (muted) { return word.startsWith(muted); });
    });
  }

  // "4. december 19:19" in Copenhagen time, as the server writes it ("j. F H:i").
  const clockParts = new Intl.DateTimeFormat(document.documentElement.lang || "da", {
    timeZone: "Europe/Copenhagen", day: "numeric", month: "long",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  function serverTime(iso) {
    const part = {};
    for (const piece of clockParts.formatToParts(new Date(iso))) part[piece.type] = piece.value;
    return part.day + ". " + part.month + " " + part.hour + ":" + part.minute;
  }

  function render(message) {
    const item = element("li", "chat-message" + (message.sender === me ? " mine" : ""));
    item.id = "m" + message.id;
    item.dataset.id = message.id;
    const meta = element("p", "chat-meta");
    const avatar = element(
      "span",
      "avatar avatar-s " + (message.tone === null ? "avatar-none" : "avatar-" + message.tone),
      message.initials || "?"
    );
    avatar.setAttribute("aria-hidden", "true");
    meta.appendChild(avatar);
    meta.appendChild(element("strong", "", message.alias));
    meta.appendChild(document.createTextNode(" "));
    const time = element("time", "", serverTime(message.created_at));
    time.setAttribute("datetime", message.created_at);
    meta.appendChild(time);
    if (message.edited && !message.deleted) {
      meta.appendChild(element("span", "help", " (" + chat.dataset.textEdited + ")"));
    }
    item.appendChild(meta);
    if (message.deleted) {
      const gone = element("p", "help");
      gone.appendChild(element("em", "", message.hidden ? chat.dataset.textHidden : chat.dataset.textDeleted));
      item.appendChild(gone);
    } else {
      const body = element("div", "chat-body");
      body.innerHTML = message.html; // sanitised on the server (nh3)
      if (message.sender !== me && isMuted(body.textContent)) {
        const fold = element("details", "muted-message");
        fold.appendChild(element("summary", "", chat.dataset.textMuted));
        fold.appendChild(body);
        item.appendChild(fold);
      } else {
        item.appendChild(body);
      }
      if (message.sender !== me && message.sender && chat.dataset.reportUrl) {
        const actions = element("div", "chat-actions");
        const link = element("a", "", chat.dataset.textReport);
        link.href = chat.dataset.reportUrl.replace("/0/", "/" + message.id + "/") +
          "?next=" + encodeURIComponent(location.pathname);
        actions.appendChild(link);
        item.appendChild(actions);
      }
    }
    return item;
  }

  // A screen reader hears others' new messages once, briefly: who and the start of the text
  // (not the time or "Anmeld"); after a reconnect, how many came. Never one's own.
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function shortText(html) {
    const holder = document.createElement("div");
    holder.innerHTML = html; // sanitised on the server (nh3)
    const text = holder.textContent.trim().replace(/\s+/g, " ");
    return text.length > 120 ? text.slice(0, 117) + "…" : text;
  }

  function isNewFromOthers(message) {
    return message.sender !== me && !message.deleted && !document.getElementById("m" + message.id);
  }

  function show(message) {
    if (message.crisis && message.sender !== me && !message.deleted) {
      // How to answer someone in crisis: shown, not focused, so the reader keeps their place.
      const receiver = document.querySelector("[data-receiver-panel]");
      if (receiver) receiver.hidden = false;
    }
    const empty = chat.querySelector("[data-empty]");
    if (empty) empty.remove();
    const existing = document.getElementById("m" + message.id);
    const item = render(message);
    if (existing) {
      const actions = existing.querySelector(".chat-actions");
      if (actions && !message.deleted && message.sender === me) item.appendChild(actions);
      existing.replaceWith(item);
    } else {
      chat.appendChild(item);
      item.scrollIntoView({ block: "nearest" });
    }
    if (message.id > lastId) lastId = message.id;
  }

  function send(kind, data) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(Object.assign({ type: kind, conversation: conversation }, data)));
    }
  }

  async function catchUp() {
    if (!onChatPage) return;
    const url = chat.dataset.afterUrl.replace(/\/0\/$/, "/" + lastId + "/");
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const data = await response.json();
      const fresh = data.messages.filter(isNewFromOthers).length;
      data.messages.forEach(show);
      if (fresh) announce(fresh + " " + chat.dataset.textNew);
      send("read", { up_to: lastId });
    } catch (error) {
      showPaused(true);
    }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/chat/");
    socket.addEventListener("open", function () {
      chat.dataset.live = "1"; // live updates are on (the browser tests wait for it)
      retry = 1000;
      clearInterval(pollTimer);
      pollTimer = null;
      showPaused(false);
      catchUp();
    });
    socket.addEventListener("message", function (event) {
      const data = JSON.parse(event.data);
      if (data.event === "crisis.panel") {
        showCrisisPanel();
        return;
      }
      if (data.event === "crisis.alert") {
        updateCount("[data-crisis-badge]", data.count);
        if (data.alert) showAlert(data.alert);
        return;
      }
      if (data.event === "unread") {
        updateBadge(data.total);
        return;
      }
      if (data.conversation !== conversation) {
        // A message elsewhere: one more unread, until the server's next total says otherwise.
        if (data.event === "message" && data.message.sender !== me && !data.message.edited && !data.message.deleted) {
          updateBadge(unread + 1);
        }
        return;
      }
      if (data.event === "message") {
        if (isNewFromOthers(data.message) && !data.message.edited) {
          const text = shortText(data.message.html);
          announce(data.message.alias + ": " + (isMuted(text) ? chat.dataset.textMutedNew : text));
        }
        show(data.message);
        if (data.message.sender !== me) send("read", { up_to: data.message.id });
      } else if (data.event === "read" && data.user !== me) {
        const seen = document.querySelector("[data-seen]");
        const mine = chat.querySelectorAll("li.mine");
        const last = mine.length ? Number(mine[mine.length - 1].dataset.id) : 0;
        if (seen && last && data.up_to >= last) {
          seen.textContent = seen.dataset.textSeen + " " + data.alias;
        }
      } else if (data.event === "typing" && data.user !== me && typing) {
        const words = data.alias + " " + chat.dataset.textTyping;
        if (typing.textContent !== words) typing.textContent = words; // announced once

        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.textContent = ""; }, 4000);
      }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4401) {
        // The session was ended (signed out elsewhere, or a moderator's decision): reload, and
        // the server shows the sign-in page or the reason. Not when this page is already on
        // its way elsewhere (it signed out itself).
        if (!leaving) {
          location.href = "/signed-out/?next=" + encodeURIComponent(location.pathname);
        }
        return;
      }
      chat.dataset.live = "0";
      showPaused(true);
      if (onChatPage && pollTimer === null) pollTimer = setInterval(catchUp, 5000);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    });
  }

  // The author just wrote crisis language: show ways to get help at once.
  function showCrisisPanel() {
    const panel = document.querySelector("[data-crisis-panel]");
    if (!panel) return false;
    panel.hidden = false;
    panel.focus();
    return true;
  }

  function updateCount(selector, total) {
    const holder = document.querySelector(selector);
    if (!holder) return;
    holder.textContent = "";
    if (total > 0) {
      holder.appendChild(document.createTextNode(" "));
      holder.appendChild(element("span", "badge", String(total)));
    }
  }

  // A new crisis alert at the top of the moderators' queue, with its kind of risk.
  function showAlert(alert) {
    const queue = document.querySelector("[data-crisis-queue]");
    if (!queue) return;
    const empty = queue.querySelector("[data-empty]");
    if (empty) empty.remove();
    const family = JSON.parse(queue.dataset.familyLabels || "{}")[alert.family] || "";
    const time = element("time", "", serverTime(alert.at));
    time.setAttribute("datetime", alert.at);
    const link = document.createElement("a");
    link.href = alert.url;
    link.appendChild(time);
    link.appendChild(document.createTextNode(" · " + alert.alias + " · " + family));
    const item = document.createElement("li");
    item.appendChild(link);
    queue.prepend(item);
  }

  function updateBadge(total) {
    unread = total;
    updateCount("[data-unread-badge]", total);
  }

  // Opening a conversation does not mark it read (a GET never writes): the page says so once
  // it is actually shown, and a page without this script has the form's button.
  const readForm = document.querySelector("[data-read-form]");
  let readSent = false;

  async function markShownRead() {
    if (!readForm || readSent || document.visibilityState !== "visible") return;
    readSent = true;
    try {
      const response = await fetch(readForm.action, {
        method: "POST",
        body: new FormData(readForm),
        headers: { Accept: "application/json", "X-CSRFToken": csrf() },
      });
      if (!response.ok) { readSent = false; return; }
      readForm.remove();
      updateBadge((await response.json()).unread);
    } catch (error) {
      readSent = false;
    }
  }

  if (readForm) {
    readForm.hidden = true;
    document.addEventListener("visibilitychange", markShownRead);
    markShownRead();
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  if (form) {
    const body = form.querySelector("textarea");
    const key = form.querySelector("input[name=client_key]");
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (!body.value.trim()) return;
      const payload = new FormData(form);
      const button = form.querySelector("button[type=submit]");
      let panelShown = false;
      button.disabled = true;
      try {
        // The same client key on every retry: the server never saves the message twice.
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            const response = await fetch(chat.dataset.sendUrl, {
              method: "POST",
              body: payload,
              headers: { Accept: "application/json", "X-CSRFToken": csrf() },
            });
            const data = await response.json();
            if (!response.ok) { alertError(data.error); break; }
            show(data);
            body.value = "";
            key.value = newKey();
            clearError();
            panelShown = data.crisis_panel && showCrisisPanel();
            break;
          } catch (error) {
            showPaused(true);
            await new Promise(function (resolve) { setTimeout(resolve, 1000 * (attempt + 1)); });
          }
        }
      } finally {
        button.disabled = false;
        if (!panelShown) body.focus();
      }
    });
    body.addEventListener("input", function () {
      const now = Date.now();
      if (now - lastTypingSent > 2500) {
        lastTypingSent = now;
        send("typing", {});
      }
    });
  }

  function alertError(text) {
    let box = form.querySelector("[data-chat-error]");
    if (!box) {
      box = element("p", "errors");
      box.setAttribute("role", "alert");
      box.dataset.chatError = "";
      form.insertBefore(box, form.querySelector("button[type=submit]"));
    }
    box.textContent = text || "";
  }

  function clearError() {
    const box = form && form.querySelector("[data-chat-error]");
    if (box) box.remove();
  }

  connect();
})();
