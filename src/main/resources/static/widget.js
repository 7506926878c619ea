/*
 * WalletDesk web chat widget. Embed with
 *   <script src="https://support.example.com/widget.js" data-inbox="web_chat_..." async></script>
 * Optional: data-lang="zh" or "en" (default: the browser's language).
 *
 * Deliberately without dependencies: it runs on other people's pages, so it must not pull
 * in or clash with their libraries. That is why it carries its own small STOMP client
 * (CONNECT, SUBSCRIBE, SEND, MESSAGE, ERROR are all the widget needs) instead of stomp.js.
 * Everything lives in a shadow root, so the page's styles do not reach in and ours do not
 * leak out. Visitor text is only ever set as textContent.
 */
(function () {
  'use strict';

  var script = document.currentScript || (function () {
    var all = document.querySelectorAll('script[data-inbox]');
    return all[all.length - 1];
  })();
  if (!script || !script.getAttribute('data-inbox')) {
    return;
  }
  var inboxKey = script.getAttribute('data-inbox');
  // The server is wherever this script came from, so a reverse proxy with a path prefix
  // (https://example.com/support/widget.js) works without further configuration.
  var base = script.src.replace(/\/widget\.js(?:[?#].*)?$/, '');
  var api = base + '/channels/widget/' + encodeURIComponent(inboxKey);
  var wsUrl = base.replace(/^http/, 'ws') + '/channels/widget/ws';
  var requested = (script.getAttribute('data-lang') || navigator.language || 'en').toLowerCase();
  var lang = requested.indexOf('zh') === 0 ? 'zh' : 'en';
  var storagePrefix = 'walletdesk.widget.' + inboxKey + '.';

  var TEXT = {
    en: {
      launcher: 'Chat with support',
      close: 'Close chat',
      title: 'Support',
      messages: 'Conversation',
      message: 'Message',
      send: 'Send',
      placeholder: 'Type your message…',
      sending: 'Sending…',
      sent: 'Sent',
      failed: 'Not sent',
      you: 'You',
      agent: 'Support',
      typing: 'Support is typing…',
      newMessage: 'New message from support',
      online: 'We are online.',
      replyWithin: 'We usually reply within {0}.',
      offline: 'We are away right now.',
      hours: 'Office hours',
      hoursZone: 'Time zone: {0}',
      nextOpen: 'We are back {0}.',
      leaveMessage: 'Leave a message and we will get back to you.',
      contact: 'Your name and e-mail (optional)',
      name: 'Name',
      email: 'E-mail',
      save: 'Save',
      saved: 'Saved',
      submit: 'Send message',
      thanks: 'Thank you! Your request {0} has been received.',
      invalidEmail: 'Please enter a valid e-mail address.',
      tooLong: 'The message is too long (at most 5000 characters).',
      empty: 'Please write a message.',
      offlineBanner: 'Connection lost. Your messages will be sent when it is back.',
      unavailable: 'The chat is not available right now.',
      minutes: '{0} minutes',
      minute: '1 minute',
      hoursUnit: '{0} hours',
      hour: '1 hour'
    },
    zh: {
      launcher: '联系客服',
      close: '关闭对话',
      title: '客服',
      messages: '对话记录',
      message: '消息',
      send: '发送',
      placeholder: '请输入消息…',
      sending: '发送中…',
      sent: '已发送',
      failed: '未发送',
      you: '我',
      agent: '客服',
      typing: '客服正在输入…',
      newMessage: '客服发来新消息',
      online: '客服在线。',
      replyWithin: '通常在 {0}内回复。',
      offline: '客服暂时不在线。',
      hours: '服务时间',
      hoursZone: '时区：{0}',
      nextOpen: '我们将于 {0} 回来。',
      leaveMessage: '请留言，我们会尽快回复您。',
      contact: '您的姓名和邮箱（可选）',
      name: '姓名',
      email: '邮箱',
      save: '保存',
      saved: '已保存',
      submit: '提交留言',
      thanks: '谢谢！您的请求 {0} 已收到。',
      invalidEmail: '请输入有效的邮箱地址。',
      tooLong: '消息过长（最多 5000 字）。',
      empty: '请输入消息。',
      offlineBanner: '连接已断开，恢复后将自动发送您的消息。',
      unavailable: '对话暂不可用。',
      minutes: '{0} 分钟',
      minute: '1 分钟',
      hoursUnit: '{0} 小时',
      hour: '1 小时'
    }
  }[lang];

  function t(key, value) {
    return TEXT[key].replace('{0}', value === undefined ? '' : value);
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function load(name, fallback) {
    try {
      var value = window.localStorage.getItem(storagePrefix + name);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }

  function store(name, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(storagePrefix + name);
      } else {
        window.localStorage.setItem(storagePrefix + name, JSON.stringify(value));
      }
    } catch (e) {
      // Private mode or full storage: the chat still works, only without resend after a reload.
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  var CSS = [
    ':host{all:initial}',
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}',
    '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#1f4ed8;color:#fff;font-size:15px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}',
    '.launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
    '.panel{position:fixed;right:20px;bottom:80px;z-index:2147483001;width:360px;max-width:calc(100vw - 24px);height:520px;max-height:calc(100vh - 100px);display:flex;flex-direction:column;background:#fff;color:#111827;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;font-size:14px}',
    '[hidden]{display:none!important}',
    'header{background:#1f4ed8;color:#fff;padding:12px 14px;display:flex;align-items:flex-start;gap:8px}',
    'header h2{margin:0;font-size:16px;flex:1}',
    'header p{margin:4px 0 0;font-size:12px;opacity:.9}',
    '.close{background:transparent;border:0;color:#fff;font-size:20px;line-height:1;cursor:pointer;padding:2px 6px}',
    '.hours{padding:8px 14px;background:#f3f4f6;font-size:12px;margin:0}',
    '.hours ul{margin:4px 0 0;padding-left:18px}',
    '.banner{padding:6px 14px;background:#fef3c7;font-size:12px;margin:0}',
    '.log{flex:1;overflow-y:auto;padding:12px 14px;margin:0;list-style:none}',
    '.log li{margin:0 0 10px;display:flex;flex-direction:column}',
    '.bubble{padding:8px 10px;border-radius:10px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}',
    '.customer{align-items:flex-end}.customer .bubble{background:#1f4ed8;color:#fff}',
    '.agent .bubble{background:#e5e7eb}.system .bubble{background:#fef3c7}',
    '.meta{font-size:11px;color:#4b5563;margin-top:2px}',
    '.typing{min-height:18px;padding:0 14px;font-size:12px;color:#4b5563;margin:0}',
    'form{border-top:1px solid #e5e7eb;padding:10px 14px;display:flex;flex-direction:column;gap:6px}',
    '.row{display:flex;gap:8px;align-items:flex-end}',
    'textarea,input{width:100%;border:1px solid #9ca3af;border-radius:8px;padding:8px;font-size:14px;color:#111827;background:#fff}',
    'textarea{resize:none;height:56px}',
    'label{font-size:12px;color:#374151}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    '.primary{border:0;border-radius:8px;background:#1f4ed8;color:#fff;padding:9px 14px;font-size:14px;cursor:pointer}',
    '.error{color:#b91c1c;font-size:12px;margin:0}',
    'details{font-size:12px}summary{cursor:pointer;color:#1f4ed8}',
    '.contact{display:flex;flex-direction:column;gap:4px;margin-top:6px}'
  ].join('\n');

  var host = el('div', { 'data-walletdesk-widget': '' });
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = el('style');
  style.textContent = CSS;
  root.appendChild(style);

  var launcher = el('button', { type: 'button', 'class': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'wd-panel', 'aria-haspopup': 'dialog' }, t('launcher'));
  var panel = el('section', { id: 'wd-panel', 'class': 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'wd-title', hidden: '' });
  var header = el('header');
  var titleBox = el('div', { style: 'flex:1' });
  var title = el('h2', { id: 'wd-title' }, t('title'));
  var status = el('p', { id: 'wd-status' });
  titleBox.appendChild(title);
  titleBox.appendChild(status);
  var closeButton = el('button', { type: 'button', 'class': 'close', 'aria-label': t('close') }, '×');
  header.appendChild(titleBox);
  header.appendChild(closeButton);
  var hoursBox = el('div', { 'class': 'hours', hidden: '' });
  var banner = el('p', { 'class': 'banner', role: 'status', hidden: '' }, t('offlineBanner'));
  var log = el('ol', { 'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t('messages'), tabindex: '0' });
  var typing = el('p', { 'class': 'typing', 'aria-live': 'polite' });
  panel.appendChild(header);
  panel.appendChild(hoursBox);
  panel.appendChild(banner);
  panel.appendChild(log);
  panel.appendChild(typing);

  // The chat form (within office hours).
  var chatForm = el('form', { novalidate: '' });
  var contact = el('details');
  contact.appendChild(el('summary', {}, t('contact')));
  var contactBox = el('div', { 'class': 'contact' });
  var nameLabel = el('label', { 'for': 'wd-name' }, t('name'));
  var nameInput = el('input', { id: 'wd-name', type: 'text', maxlength: '100', autocomplete: 'name' });
  var emailLabel = el('label', { 'for': 'wd-email' }, t('email'));
  var emailInput = el('input', { id: 'wd-email', type: 'email', maxlength: '254', autocomplete: 'email' });
  var saveContact = el('button', { type: 'button', 'class': 'primary' }, t('save'));
  var contactNote = el('p', { 'class': 'error', role: 'status' });
  [nameLabel, nameInput, emailLabel, emailInput, saveContact, contactNote].forEach(function (n) { contactBox.appendChild(n); });
  contact.appendChild(contactBox);
  var messageLabel = el('label', { 'for': 'wd-text', 'class': 'sr' }, t('message'));
  var row = el('div', { 'class': 'row' });
  var textInput = el('textarea', { id: 'wd-text', maxlength: '5000', placeholder: t('placeholder'), 'aria-describedby': 'wd-chat-error' });
  var sendButton = el('button', { type: 'submit', 'class': 'primary' }, t('send'));
  var chatError = el('p', { id: 'wd-chat-error', 'class': 'error', role: 'alert' });
  row.appendChild(textInput);
  row.appendChild(sendButton);
  chatForm.appendChild(contact);
  chatForm.appendChild(messageLabel);
  chatForm.appendChild(row);
  chatForm.appendChild(chatError);

  // The offline form (outside office hours): becomes a ticket like any message.
  var offlineForm = el('form', { novalidate: '', hidden: '' });
  var offlineIntro = el('p', { style: 'margin:0' }, t('leaveMessage'));
  var offNameLabel = el('label', { 'for': 'wd-off-name' }, t('name'));
  var offName = el('input', { id: 'wd-off-name', type: 'text', maxlength: '100', autocomplete: 'name' });
  var offEmailLabel = el('label', { 'for': 'wd-off-email' }, t('email'));
  var offEmail = el('input', { id: 'wd-off-email', type: 'email', maxlength: '254', autocomplete: 'email', 'aria-describedby': 'wd-off-error' });
  var offTextLabel = el('label', { 'for': 'wd-off-text' }, t('message'));
  var offText = el('textarea', { id: 'wd-off-text', maxlength: '5000', 'aria-describedby': 'wd-off-error' });
  var offSubmit = el('button', { type: 'submit', 'class': 'primary' }, t('submit'));
  var offError = el('p', { id: 'wd-off-error', 'class': 'error', role: 'alert' });
  [offlineIntro, offNameLabel, offName, offEmailLabel, offEmail, offTextLabel, offText, offSubmit, offError].forEach(function (n) { offlineForm.appendChild(n); });
  panel.appendChild(chatForm);
  panel.appendChild(offlineForm);
  root.appendChild(launcher);
  root.appendChild(panel);

  var state = {
    started: false,
    token: load('token', null),
    config: null,
    socket: null,
    connected: false,
    failures: 0,
    polling: null,
    lastMessageId: null,
    seen: {},
    unread: [],
    pending: load('pending', []),
    typingSent: false,
    typingTimer: null,
    agentTypingTimer: null
  };

  function formatDuration(seconds) {
    var minutes = Math.max(1, Math.round(seconds / 60));
    if (minutes < 120) {
      return minutes === 1 ? t('minute') : t('minutes', minutes);
    }
    var hours = Math.round(minutes / 60);
    return hours === 1 ? t('hour') : t('hoursUnit', hours);
  }

  function formatInstant(iso) {
    try {
      return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { weekday: 'short', hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' });
    } catch (e) {
      return iso;
    }
  }

  function request(method, path, body, withToken) {
    var headers = { 'Content-Type': 'application/json' };
    if (withToken && state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: 'omit' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            var error = new Error(json.detail || response.statusText);
            error.status = response.status;
            error.problem = json;
            throw error;
          }
          return json;
        });
      });
  }

  function renderConfig(config) {
    title.textContent = config.name || t('title');
    hoursBox.textContent = '';
    if (config.open) {
      status.textContent = t('online') + ' ' + t('replyWithin', formatDuration(config.expectedResponseSeconds));
      hoursBox.hidden = true;
      chatForm.hidden = false;
      offlineForm.hidden = true;
    } else {
      status.textContent = t('offline') + (config.nextOpenAt ? ' ' + t('nextOpen', formatInstant(config.nextOpenAt)) : '');
      var heading = el('strong', {}, t('hours'));
      var list = el('ul');
      (config.officeHours || []).forEach(function (line) { list.appendChild(el('li', {}, line)); });
      hoursBox.appendChild(heading);
      hoursBox.appendChild(list);
      hoursBox.appendChild(el('span', {}, t('hoursZone', config.timeZone)));
      hoursBox.hidden = false;
      chatForm.hidden = true;
      offlineForm.hidden = false;
    }
    if (config.greeting && !log.querySelector('[data-greeting]')) {
      var item = el('li', { 'class': 'agent', 'data-greeting': '' });
      item.appendChild(el('span', { 'class': 'bubble' }, config.greeting));
      log.insertBefore(item, log.firstChild);
    }
  }

  function findMessage(attr, value) {
    var items = log.querySelectorAll('li[' + attr + ']');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute(attr) === value) {
        return items[i];
      }
    }
    return null;
  }

  function renderMessage(message, announce) {
    var item = (message.messageId && findMessage('data-message-id', message.messageId)) ||
      (message.clientMessageId && findMessage('data-client-id', message.clientMessageId));
    if (!item) {
      item = el('li', { 'class': message.author });
      item.appendChild(el('span', { 'class': 'bubble' }));
      item.appendChild(el('span', { 'class': 'meta' }));
      log.appendChild(item);
    }
    if (message.messageId) {
      item.setAttribute('data-message-id', message.messageId);
      state.seen[message.messageId] = true;
      state.lastMessageId = message.messageId;
    }
    if (message.clientMessageId) {
      item.setAttribute('data-client-id', message.clientMessageId);
    }
    var who = message.author === 'customer' ? t('you') : (message.authorName || t('agent'));
    var bubble = item.querySelector('.bubble');
    bubble.textContent = message.text;
    var meta = item.querySelector('.meta');
    var label = message.author === 'customer' ? who + ' · ' + (message.state === 'failed' ? t('failed') : message.state === 'sending' ? t('sending') : t('sent')) : who;
    meta.textContent = label;
    if (announce && message.author !== 'customer') {
      bubble.setAttribute('aria-label', t('newMessage') + ': ' + message.text);
    }
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function savePending() {
    store('pending', state.pending);
  }

  function onPush(push) {
    if (push.type === 'ack') {
      state.pending = state.pending.filter(function (p) { return p.clientMessageId !== push.clientMessageId; });
      savePending();
      renderMessage({ messageId: push.messageId, clientMessageId: push.clientMessageId, author: 'customer', text: push.text, state: 'sent' });
    } else if (push.type === 'message') {
      var fresh = !state.seen[push.messageId];
      renderMessage(push, fresh);
      if (fresh && push.author !== 'customer') {
        typing.textContent = '';
        stompSend('/app/widget.received', { messageId: push.messageId });
        markRead(push.messageId);
      }
    } else if (push.type === 'typing') {
      typing.textContent = push.typing ? t('typing') : '';
      clearTimeout(state.agentTypingTimer);
      if (push.typing) {
        state.agentTypingTimer = setTimeout(function () { typing.textContent = ''; }, 8000);
      }
    } else if (push.type === 'error') {
      state.pending = state.pending.filter(function (p) { return p.clientMessageId !== push.clientMessageId; });
      savePending();
      var item = push.clientMessageId && findMessage('data-client-id', push.clientMessageId);
      if (item) {
        item.querySelector('.meta').textContent = t('you') + ' · ' + t('failed');
      }
      chatError.textContent = push.status === 404 ? t('unavailable') : t('tooLong');
    }
  }

  function markRead(messageId) {
    if (!panel.hidden && document.visibilityState !== 'hidden') {
      stompSend('/app/widget.read', { messageId: messageId });
    } else {
      state.unread.push(messageId);
    }
  }

  // --- A minimal STOMP 1.2 client over a plain WebSocket -------------------------------

  function frame(command, headers, body) {
    var text = command + '\n';
    Object.keys(headers).forEach(function (name) {
      text += name + ':' + String(headers[name]).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/:/g, '\\c') + '\n';
    });
    return text + '\n' + (body || '') + '\u0000';
  }

  function parse(data) {
    var end = data.indexOf('\n\n');
    var head = (end < 0 ? data : data.slice(0, end)).replace(/\r/g, '').split('\n');
    var body = end < 0 ? '' : data.slice(end + 2).replace(/\u0000[\s\S]*$/, '');
    var headers = {};
    head.slice(1).forEach(function (line) {
      var colon = line.indexOf(':');
      if (colon > 0 && headers[line.slice(0, colon)] === undefined) {
        headers[line.slice(0, colon)] = line.slice(colon + 1);
      }
    });
    return { command: head[0], headers: headers, body: body };
  }

  function stompSend(destination, payload) {
    if (state.connected) {
      state.socket.send(frame('SEND', { destination: destination, 'content-type': 'application/json' }, JSON.stringify(payload)));
      return true;
    }
    return false;
  }

  function connect() {
    if (!window.WebSocket || state.failures >= 5) {
      startPolling();
      return;
    }
    var socket;
    try {
      socket = new WebSocket(wsUrl);
    } catch (e) {
      state.failures++;
      startPolling();
      return;
    }
    state.socket = socket;
    socket.onopen = function () {
      socket.send(frame('CONNECT', { 'accept-version': '1.2', 'heart-beat': '0,0', host: location.host || 'widget', 'visitor-token': state.token }));
    };
    socket.onmessage = function (event) {
      if (typeof event.data !== 'string' || event.data === '\n') {
        return;
      }
      var received = parse(event.data);
      if (received.command === 'CONNECTED') {
        socket.send(frame('SUBSCRIBE', { id: 'widget', destination: '/user/queue/widget' }));
        state.connected = true;
        state.failures = 0;
        banner.hidden = true;
        stopPolling();
        catchUp().then(resendPending);
      } else if (received.command === 'MESSAGE') {
        try {
          onPush(JSON.parse(received.body));
        } catch (e) {
          // A push we do not understand is not worth breaking the chat for.
        }
      } else if (received.command === 'ERROR') {
        socket.close();
      }
    };
    socket.onclose = function () {
      var wasConnected = state.connected;
      state.connected = false;
      state.socket = null;
      if (!wasConnected) {
        state.failures++;
      }
      banner.hidden = false;
      setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, state.failures)));
    };
  }

  // Replies that arrived while the connection was down.
  function catchUp() {
    var path = '/messages' + (state.lastMessageId ? '?after=' + encodeURIComponent(state.lastMessageId) : '');
    return request('GET', path, null, true).then(function (messages) {
      messages.forEach(function (message) {
        var fresh = !state.seen[message.messageId];
        if (message.clientMessageId) {
          // Stored already (its ack was lost with the connection): nothing to resend.
          state.pending = state.pending.filter(function (p) { return p.clientMessageId !== message.clientMessageId; });
          savePending();
        }
        renderMessage(message, fresh);
        if (fresh && message.author !== 'customer') {
          stompSend('/app/widget.received', { messageId: message.messageId });
          markRead(message.messageId);
        }
      });
    }).catch(function () { });
  }

  // Messages without an ack go again with the same client id; the server answers a
  // repeat with the first ack, so nothing is stored twice.
  function resendPending() {
    state.pending.forEach(function (pending) {
      renderMessage({ clientMessageId: pending.clientMessageId, author: 'customer', text: pending.text, state: 'sending' });
      deliver(pending);
    });
  }

  function deliver(pending) {
    if (stompSend('/app/widget.send', pending)) {
      return;
    }
    if (state.polling) {
      request('POST', '/messages', pending, true).then(function (sent) {
        onPush({ type: 'ack', clientMessageId: pending.clientMessageId, messageId: sent.messageId, text: sent.text });
      }).catch(function (error) {
        if (error.status === 400) {
          onPush({ type: 'error', clientMessageId: pending.clientMessageId, status: 400 });
        }
      });
    }
  }

  function startPolling() {
    banner.hidden = true;
    if (state.polling) {
      return;
    }
    state.polling = setInterval(function () {
      if (!panel.hidden) {
        catchUp();
      }
    }, 4000);
    resendPending();
  }

  function stopPolling() {
    clearInterval(state.polling);
    state.polling = null;
  }

  // --- Session -------------------------------------------------------------------------

  function startSession(extra) {
    var body = { visitorToken: state.token, language: lang };
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    return request('POST', '/sessions', body, false).then(function (session) {
      state.token = session.visitorToken;
      store('token', state.token);
      (session.messages || []).forEach(function (message) { renderMessage(message, false); });
      return session;
    }).catch(function (error) {
      if (error.status === 401 && state.token) {
        // Expired, or from another inbox: start over as a new visitor.
        state.token = null;
        store('token', null);
        return startSession(extra);
      }
      throw error;
    });
  }

  function start() {
    state.started = true;
    request('GET', '/config?lang=' + lang, null, false).then(function (config) {
      state.config = config;
      renderConfig(config);
      // The form to focus is known only now (chat or offline form).
      if (!panel.hidden) {
        focusFirst();
      }
      return startSession();
    }).then(function () {
      state.pending.forEach(function (p) {
        renderMessage({ clientMessageId: p.clientMessageId, author: 'customer', text: p.text, state: 'sending' });
      });
      connect();
    }).catch(function () {
      state.started = false;
      status.textContent = t('unavailable');
    });
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!state.started) {
      start();
    }
    var unread = state.unread;
    state.unread = [];
    unread.forEach(function (id) { stompSend('/app/widget.read', { messageId: id }); });
    focusFirst();
  }

  function focusFirst() {
    (offlineForm.hidden ? textInput : offName).focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    stopTyping();
    launcher.focus();
  }

  function stopTyping() {
    clearTimeout(state.typingTimer);
    if (state.typingSent) {
      state.typingSent = false;
      stompSend('/app/widget.typing', { typing: false });
    }
  }

  function validEmail(value) {
    return !value || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && !panel.hidden) {
      var unread = state.unread;
      state.unread = [];
      unread.forEach(function (id) { stompSend('/app/widget.read', { messageId: id }); });
    }
  });

  textInput.addEventListener('input', function () {
    if (!state.typingSent && textInput.value.trim()) {
      state.typingSent = stompSend('/app/widget.typing', { typing: true });
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stopTyping, 3000);
  });
  textInput.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      chatForm.requestSubmit ? chatForm.requestSubmit() : chatForm.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  chatForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = textInput.value.trim();
    chatError.textContent = '';
    if (!text) {
      chatError.textContent = t('empty');
      return;
    }
    if (text.length > 5000) {
      chatError.textContent = t('tooLong');
      return;
    }
    var pending = { clientMessageId: uuid(), text: text };
    state.pending.push(pending);
    savePending();
    renderMessage({ clientMessageId: pending.clientMessageId, author: 'customer', text: text, state: 'sending' });
    textInput.value = '';
    stopTyping();
    deliver(pending);
    textInput.focus();
  });

  saveContact.addEventListener('click', function () {
    contactNote.textContent = '';
    if (!validEmail(emailInput.value.trim())) {
      contactNote.textContent = t('invalidEmail');
      emailInput.focus();
      return;
    }
    startSession({ name: nameInput.value.trim() || undefined, email: emailInput.value.trim() || undefined })
      .then(function () { contactNote.textContent = t('saved'); })
      .catch(function () { contactNote.textContent = t('invalidEmail'); });
  });

  offlineForm.addEventListener('submit', function (event) {
    event.preventDefault();
    offError.textContent = '';
    var text = offText.value.trim();
    var email = offEmail.value.trim();
    if (!validEmail(email)) {
      offError.textContent = t('invalidEmail');
      offEmail.focus();
      return;
    }
    if (!text) {
      offError.textContent = t('empty');
      offText.focus();
      return;
    }
    var body = { clientMessageId: uuid(), text: text, name: offName.value.trim() || undefined, email: email || undefined };
    offSubmit.disabled = true;
    request('POST', '/messages', body, true).then(function (sent) {
      renderMessage({ messageId: sent.messageId, clientMessageId: body.clientMessageId, author: 'customer', text: sent.text, state: 'sent' });
      offText.value = '';
      offError.textContent = t('thanks', sent.ticketNumber);
    }).catch(function (error) {
      offError.textContent = error.status === 400 ? (JSON.stringify(error.problem).indexOf('email') >= 0 ? t('invalidEmail') : t('tooLong')) : t('unavailable');
    }).then(function () {
      offSubmit.disabled = false;
    });
  });

  function mount() {
    document.body.appendChild(host);
    // Someone who left unsent messages comes back to them.
    if (state.pending.length && state.token) {
      start();
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
