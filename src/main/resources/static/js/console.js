/*
 * WalletDesk console behaviour. Everything here is progressive: without it, every form still
 * posts and every page still loads; with it, htmx swaps fragments and live notices refresh them.
 * Lives in a file because the console's CSP forbids inline scripts.
 */
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // Spring Security wants the CSRF token on every unsafe request, htmx ones included.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    var header = meta('csrf-header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (form && form.matches && form.matches('form[data-reset-on-success]') && event.detail.successful
        && event.detail.xhr && event.detail.xhr.status < 300) {
      form.reset();
      var error = form.querySelector('#reply-error');
      if (error) {
        error.textContent = '';
      }
    }
  });

  // Ctrl+Enter (or Cmd+Enter) sends the reply without reaching for the mouse.
  // Guidance snippets: one click appends the snippet to the reply.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-insert-text]') : null;
    if (!button) {
      return;
    }
    var target = document.getElementById(button.getAttribute('data-insert-target'));
    if (target) {
      var text = button.getAttribute('data-insert-text');
      target.value = target.value ? target.value.replace(/\s*$/, '') + '\n\n' + text : text;
      target.focus();
    }
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.matches
        && target.matches('textarea[data-submit-on-ctrl-enter]') && target.form) {
      event.preventDefault();
      target.form.requestSubmit();
    }
  });

  // A live refresh must not throw away choices the agent has made but not saved yet.
  document.addEventListener('change', function (event) {
    var form = event.target.closest && event.target.closest('form[data-track-dirty]');
    var live = form && form.closest('[data-live-topic]');
    if (live) {
      live.setAttribute('data-dirty', 'true');
    }
  });

  var pending = {};

  function refresh(topic) {
    document.querySelectorAll('[data-live-topic="' + topic + '"]').forEach(function (element) {
      var source = element.getAttribute('data-live-src');
      if (!source || element.getAttribute('data-dirty') === 'true') {
        return;
      }
      // Each element is its own source: htmx lets one element have one request in flight, so a
      // shared source would drop all but one of the refreshes.
      htmx.ajax('GET', source, { source: element, target: element, swap: 'outerHTML' });
    });
  }

  // Several notices in a burst (a reply that also changes the status) cause one refresh.
  function schedule(topic) {
    if (pending[topic]) {
      return;
    }
    pending[topic] = setTimeout(function () {
      delete pending[topic];
      refresh(topic);
    }, 150);
  }

  function setStatus(state) {
    var status = document.getElementById('live-status');
    if (!status) {
      return;
    }
    status.setAttribute('data-state', state);
    var label = status.querySelector('.live-label');
    var text = status.getAttribute(state === 'connected' ? 'data-label-connected' : 'data-label-offline');
    if (label && text) {
      label.textContent = text;
    }
  }

  function topics() {
    var seen = {};
    document.querySelectorAll('[data-live-topic]').forEach(function (element) {
      seen[element.getAttribute('data-live-topic')] = true;
    });
    return Object.keys(seen);
  }

  // A live chat customer typing on this ticket (web chat): a small indicator under the timeline.
  var typingTimer = null;
  function showCustomerTyping(typing) {
    var indicator = document.getElementById('customer-typing');
    if (!indicator) {
      return;
    }
    indicator.textContent = typing ? indicator.getAttribute('data-label') : '';
    clearTimeout(typingTimer);
    if (typing) {
      // A lost "stopped" notice must not leave the indicator on for ever.
      typingTimer = setTimeout(function () { indicator.textContent = ''; }, 10000);
    }
  }

  // Tells a live chat customer that the agent is typing; channels without live chat ignore it.
  function watchReplyTyping(client) {
    var main = document.querySelector('[data-ticket-id]');
    var body = document.getElementById('reply-body');
    if (!main || !body || body.getAttribute('data-typing-watched')) {
      return;
    }
    body.setAttribute('data-typing-watched', 'true');
    var destination = '/app/tickets.' + main.getAttribute('data-ticket-id') + '.typing';
    var typing = false;
    var idle = null;
    function send(value) {
      if (typing === value || !client.connected) {
        return;
      }
      typing = value;
      client.publish({ destination: destination, body: JSON.stringify({ typing: value }), headers: { 'content-type': 'application/json' } });
    }
    body.addEventListener('input', function () {
      send(body.value.trim() !== '');
      clearTimeout(idle);
      idle = setTimeout(function () { send(false); }, 3000);
    });
    var form = document.getElementById('reply-form');
    if (form) {
      form.addEventListener('submit', function () { send(false); });
    }
  }

  // Phone channel: the call this agent answered, with a link to the caller's history. Shown without
  // taking the focus, so whatever the agent is typing goes on.
  function showCall(body) {
    var panel = document.getElementById('call-notice');
    var call;
    try {
      call = JSON.parse(body);
    }
    catch (e) {
      return;
    }
    if (!panel || !call || !call.url) {
      return;
    }
    var caller = (call.customerName && call.customerName !== call.callerNumber)
      ? call.customerName + ' (' + call.callerNumber + ')' : call.callerNumber;
    panel.querySelector('.call-notice-caller').textContent = caller + (call.ticketNumber ? ' · ' + call.ticketNumber : '');
    // Only a path on this console: the link must never lead elsewhere, whatever the message says.
    panel.querySelector('.call-notice-open').setAttribute('href', call.url.charAt(0) === '/' && call.url.charAt(1) !== '/'
      ? call.url : '/');
    panel.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var dismiss = event.target.closest ? event.target.closest('.call-notice-dismiss') : null;
    if (dismiss) {
      document.getElementById('call-notice').hidden = true;
    }
  });

  function connect() {
    var wanted = topics();
    var calls = document.getElementById('call-notice');
    var bell = document.getElementById('sla-bell');
    if ((!wanted.length && !calls && !bell) || !window.StompJs || !window.htmx) {
      return;
    }
    var connectedBefore = false;
    var client = new StompJs.Client({
      brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
      reconnectDelay: 3000,
      heartbeatIncoming: 20000,
      heartbeatOutgoing: 20000
    });
    client.onConnect = function () {
      wanted.forEach(function (topic) {
        client.subscribe(topic, function (message) {
          var notice = {};
          try {
            notice = JSON.parse(message.body);
          } catch (e) {
            // Not a notice we know: refresh as for any change.
          }
          if (notice.kind === 'typing' || notice.kind === 'typing-stopped') {
            showCustomerTyping(notice.kind === 'typing');
            return;
          }
          if (notice.kind === 'message') {
            showCustomerTyping(false);
          }
          schedule(topic);
        });
      });
      watchReplyTyping(client);
      if (calls) {
        client.subscribe('/user/queue/calls', function (message) {
          showCall(message.body);
        });
      }
      if (bell) {
        // SLA warnings and breaches for this agent: the bell fetches its list again.
        client.subscribe('/user/queue/sla', function () {
          htmx.trigger(bell, 'sla-notice');
        });
      }
      // Answered only after the subscriptions above are active: from then on no notice is missed.
      var ready = client.subscribe('/app/ready', function () {
        ready.unsubscribe();
        setStatus('connected');
        // Whatever happened while the connection was down is fetched now.
        if (connectedBefore) {
          wanted.forEach(schedule);
        }
        connectedBefore = true;
      });
    };
    client.onWebSocketClose = function () {
      setStatus('offline');
    };
    client.onStompError = function () {
      setStatus('offline');
    };
    client.activate();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', connect);
  }
  else {
    connect();
  }
})();

// SLA countdowns: every [data-sla-due] shows the time left until its deadline (or how long
// it is overdue) and ticks each second from the server's dueAt; paused, met and missed
// timers do not tick.
(function () {
  'use strict';

  function format(ms) {
    var sign = ms < 0 ? '-' : '';
    var s = Math.floor(Math.abs(ms) / 1000);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    return sign + (h > 0 ? h + ':' + (m < 10 ? '0' : '') + m : m) + ':' + (sec < 10 ? '0' : '') + sec;
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-sla-due][data-sla-state="active"]').forEach(function (element) {
      var due = Date.parse(element.getAttribute('data-sla-due'));
      var warn = Date.parse(element.getAttribute('data-sla-warn'));
      var left = due - now;
      var label = element.querySelector('.sla-countdown');
      if (label) {
        label.textContent = format(left);
      }
      element.classList.toggle('sla-warning', left > 0 && !isNaN(warn) && now >= warn);
      element.classList.toggle('sla-overdue', left <= 0);
    });
  }

  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSettle', tick);
})();
