import { SCREENS, type ScreenId } from './screens.js';

interface Props {
  current: ScreenId;
  onNavigate: (screen: ScreenId) => void;
  leadCount: number;
}

export function Navigation({ current, onNavigate, leadCount }: Props) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Dialdesk</span>
      </div>
      <ul className="nav-list">
        {SCREENS.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === screen.id ? 'page' : undefined}
              onClick={() => onNavigate(screen.id)}
            >
              {screen.label}
              {screen.id === 'leads' && leadCount > 0 ? (
                <span className="nav-count" aria-label={`${leadCount} leads`}>
                  {leadCount.toLocaleString()}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
